/// Why a condition string could not be understood; the config loader adds file and line.
public struct ConditionParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var condition: String
    public var reason: String

    public var description: String { "\(reason) in condition `\(condition)`" }
}
