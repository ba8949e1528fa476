/// One row of the help overlay: the keys and what they do.
public struct HelpEntry: Hashable, Sendable {
    public var keys: String
    public var description: String

    public init(keys: String, description: String) {
        self.keys = keys
        self.description = description
    }

    /// A row whose key label is built from the keys themselves, so help cannot drift from
    /// the key table (e.g. `j / ↓`).
    public init(keys: [KeyPress], description: String) {
        self.init(keys: keys.map(\.displayName).joined(separator: " / "), description: description)
    }
}
