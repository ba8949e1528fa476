/// A shell variable a step reads (`$DB_HOST`, `${REGION:-eu-west-1}`) that the operator may supply.
/// Values reach the step as environment variables, never as text spliced into the command.
public struct RunbookVariable: Codable, Sendable, Equatable, Hashable {
    public var name: String
    /// The `${NAME:-default}` fallback written in the command, shown as the suggested answer.
    public var defaultValue: String?

    public init(name: String, defaultValue: String? = nil) {
        self.name = name
        self.defaultValue = defaultValue
    }
}
