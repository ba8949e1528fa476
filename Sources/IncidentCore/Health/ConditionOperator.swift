/// The comparison in a condition. Gatus requires spaces around it, which is what lets a body
/// value contain `<` or `=` without confusing the parser.
public enum ConditionOperator: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case greater = ">"
    case less = "<"

    /// Gatus's search order: the first operator found (with spaces) wins.
    static let searchOrder: [ConditionOperator] = [.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .greater, .less]

    var isNumeric: Bool { self != .equal && self != .notEqual }

    /// Things people type that look like operators but are not, so the error can name them.
    static let lookalikes = [" === ", " =~ ", " !~ ", " => ", " =< ", " <> ", " = ", " ~= "]
}
