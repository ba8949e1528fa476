/// One Gatus condition such as `[STATUS] == 200`, parsed when the config is read so a typo is
/// reported with its line instead of failing every probe.
public struct HealthCondition: Sendable, Equatable {
    /// The condition exactly as written; results and evidence quote it.
    public var text: String
    public var left: ConditionOperand
    public var comparison: ConditionOperator
    public var right: ConditionOperand

    public init(parsing text: String) throws(ConditionParseError) {
        self.text = text
        func failure(_ reason: String) -> ConditionParseError { ConditionParseError(condition: text, reason: reason) }
        guard
            let found = ConditionOperator.searchOrder.first(where: { text.contains(" \($0.rawValue) ") })
        else {
            if let lookalike = ConditionOperator.lookalikes.first(where: { text.contains($0) }) {
                let name = lookalike.trimmingCharacters(in: .whitespaces)
                throw failure("unknown operator `\(name)` (use ==, !=, <, <=, > or >=)")
            }
            throw failure("no operator: write one of ==, !=, <, <=, > or >= with a space on each side")
        }
        let parts = text.components(separatedBy: " \(found.rawValue) ")
        guard parts.count == 2 else { throw failure("more than one `\(found.rawValue)`") }
        comparison = found
        left = try Self.operand(parts[0], condition: text)
        right = try Self.operand(parts[1], condition: text)
        if found.isNumeric {
            for side in [left, right] {
                if case .pattern = side { throw failure("pat() only works with == and !=") }
                if case .any = side { throw failure("any() only works with == and !=") }
            }
        }
    }

    /// Whether evaluating it needs the response body.
    public var usesBody: Bool { left.usesBody || right.usesBody }

    /// Whether it needs the peer's certificate, which a plain HTTP request does not return.
    public var usesCertificate: Bool { left.usesCertificate || right.usesCertificate }

    static func operand(_ raw: String, condition: String) throws(ConditionParseError) -> ConditionOperand {
        let text = raw.trimmingCharacters(in: .whitespaces)
        func failure(_ reason: String) -> ConditionParseError {
            ConditionParseError(condition: condition, reason: reason)
        }
        guard !text.isEmpty else { throw failure("a side of the comparison is empty") }
        if let inner = Self.functionArgument(text, name: "len") {
            let target = try operand(inner, condition: condition)
            guard case .placeholder = target else { throw failure("len() takes a placeholder such as [BODY].items") }
            return .length(target)
        }
        if let inner = Self.functionArgument(text, name: "has") {
            let target = try operand(inner, condition: condition)
            guard case .placeholder(.body, _) = target else {
                throw failure("has() takes a body path such as [BODY].errors")
            }
            return .has(target)
        }
        if let inner = Self.functionArgument(text, name: "pat") { return .pattern(inner) }
        if let inner = Self.functionArgument(text, name: "any") {
            return .any(inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        if let open = text.firstIndex(of: "("), text.hasSuffix(")"), open > text.startIndex,
            text[..<open].allSatisfy({ $0.isLetter || $0 == "_" })
        {
            throw failure("unknown function `\(text[..<open])()` (known: len, has, pat, any)")
        }
        if text.hasPrefix("[") {
            for placeholder in ConditionPlaceholder.allCases where text.hasPrefix(placeholder.rawValue) {
                let rest = text.dropFirst(placeholder.rawValue.count)
                if rest.isEmpty { return .placeholder(placeholder, path: []) }
                guard placeholder == .body else {
                    throw failure("only [BODY] takes a path, not \(placeholder.rawValue)")
                }
                guard let path = JSONPathComponent.parse(rest) else {
                    throw failure("bad JSON path `\(text)` (write [BODY].name, [BODY].list[0].id)")
                }
                return .placeholder(.body, path: path)
            }
            if let close = text.firstIndex(of: "]"),
                text[text.index(after: text.startIndex)..<close].allSatisfy({ $0.isUppercase || $0 == "_" }),
                close > text.index(after: text.startIndex)
            {
                let known = ConditionPlaceholder.allCases.map(\.rawValue).joined(separator: ", ")
                throw failure("unknown placeholder `\(text[...close])` (known: \(known))")
            }
        }
        return .literal(text)
    }

    /// The text inside `name(…)`, or nil when `text` is not a call of `name`.
    static func functionArgument(_ text: String, name: String) -> String? {
        guard text.hasPrefix(name + "("), text.hasSuffix(")") else { return nil }
        return String(text.dropFirst(name.count + 1).dropLast())
    }
}
