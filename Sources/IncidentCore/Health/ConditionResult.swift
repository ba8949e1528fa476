/// How one condition fared on one probe, kept with the sample and quoted as evidence.
public struct ConditionResult: Sendable, Equatable, Codable {
    /// The condition as written in the config.
    public var condition: String
    public var passed: Bool
    /// The condition with resolved values beside the placeholders: `[STATUS] (503) == 200`.
    public var resolved: String

    public init(condition: String, passed: Bool, resolved: String) {
        self.condition = condition
        self.passed = passed
        self.resolved = resolved
    }
}
