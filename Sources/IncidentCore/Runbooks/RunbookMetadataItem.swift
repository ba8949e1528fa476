/// One `- Key: value` line of a runbook's `## Metadata` list, in the order written.
public struct RunbookMetadataItem: Codable, Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
