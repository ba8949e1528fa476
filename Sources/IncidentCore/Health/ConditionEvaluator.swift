import Foundation

/// Judges conditions against one observation with Gatus's rules: integers compare as numbers,
/// durations as milliseconds, `pat()` and `any()` on either side of `==`/`!=`. A side that cannot
/// be resolved (missing JSON path, body that is not JSON) fails the condition and says why.
public struct ConditionEvaluator: Sendable {
    public var observation: CheckObservation
    /// The time certificate expiry is measured from; injected so tests are exact.
    public var now: Date
    private let json: JSONValueBox

    public init(observation: CheckObservation, now: Date) {
        self.observation = observation
        self.now = now
        json = JSONValueBox(body: observation.body)
    }

    private enum Resolved {
        case value(String)
        case invalid(String)
        case pattern(String)
        case any([String])

        var display: String {
            switch self {
            case .value(let text): text
            case .invalid(let reason): "INVALID: \(reason)"
            case .pattern(let text): "pat(\(text))"
            case .any(let options): "any(\(options.joined(separator: ", ")))"
            }
        }
    }

    public func evaluate(_ condition: HealthCondition) -> ConditionResult {
        let left = resolve(condition.left)
        let right = resolve(condition.right)
        let passed: Bool
        switch (left, right) {
        case (.invalid, _), (_, .invalid):
            passed = false
        default:
            switch condition.comparison {
            case .equal: passed = Self.isEqual(left, right)
            case .notEqual: passed = !Self.isEqual(left, right)
            default:
                let a = number(left)
                let b = number(right)
                switch condition.comparison {
                case .less: passed = a < b
                case .lessOrEqual: passed = a <= b
                case .greater: passed = a > b
                default: passed = a >= b
                }
            }
        }
        return ConditionResult(
            condition: condition.text, passed: passed,
            resolved:
                "\(describe(condition.left, left)) \(condition.comparison.rawValue) \(describe(condition.right, right))"
        )
    }

    private func describe(_ operand: ConditionOperand, _ resolved: Resolved) -> String {
        switch operand {
        case .literal(let text): return text
        case .pattern, .any: return resolved.display
        default:
            var shown = resolved.display
            if case .placeholder(.certificateExpiration, _) = operand, case .value(let ms) = resolved,
                let value = Double(ms)
            {
                shown = GoDuration.text(seconds: value / 1000)
            }
            if shown.count > 80 { shown = String(shown.prefix(77)) + "..." }
            return "\(Self.source(operand)) (\(shown))"
        }
    }

    static func source(_ operand: ConditionOperand) -> String {
        switch operand {
        case .literal(let text): text
        case .placeholder(let placeholder, let path): placeholder.rawValue + path.map(\.text).joined()
        case .length(let inner): "len(\(source(inner)))"
        case .has(let inner): "has(\(source(inner)))"
        case .pattern(let text): "pat(\(text))"
        case .any(let options): "any(\(options.joined(separator: ", ")))"
        }
    }

    private func resolve(_ operand: ConditionOperand) -> Resolved {
        switch operand {
        case .literal(let text): return .value(text)
        case .pattern(let text): return .pattern(text)
        case .any(let options): return .any(options)
        case .has(let inner):
            guard case .placeholder(_, let path) = inner else { return .value("false") }
            if case .found = json.lookup(path) { return .value("true") }
            return .value("false")
        case .length(let inner):
            guard case .placeholder(let placeholder, let path) = inner else { return .invalid("len() of a literal") }
            if placeholder == .body { return bodyLength(path) }
            guard case .value(let text) = resolve(inner) else { return resolve(inner) }
            return .value(String(text.utf8.count))
        case .placeholder(let placeholder, let path):
            switch placeholder {
            case .status: return .value(String(observation.statusCode ?? 0))
            case .responseTime: return .value(String(Int(observation.responseMilliseconds.rounded())))
            case .connected: return .value(observation.connected ? "true" : "false")
            case .certificateExpiration:
                guard let expiry = observation.certificateExpiresAt else { return .value("0") }
                return .value(String(Int((expiry.timeIntervalSince(now) * 1000).rounded(.down))))
            case .body:
                if path.isEmpty {
                    guard let body = observation.body else { return .invalid(observation.error ?? "no body") }
                    return .value(String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                }
                switch json.lookup(path) {
                case .found(let value): return .value(JSONValueBox.text(value))
                case .failed(let reason): return .invalid(reason)
                }
            }
        }
    }

    /// Gatus's `len()` of the body: elements of an array; otherwise bytes, of the whole body as
    /// it came, of a string, or of an object as minified JSON (as Go's encoder writes it).
    private func bodyLength(_ path: [JSONPathComponent]) -> Resolved {
        if path.isEmpty {
            guard let body = observation.body else { return .invalid(observation.error ?? "no body") }
            guard body.first == UInt8(ascii: "["), body.last == UInt8(ascii: "]") else {
                return .value(String(body.count))
            }
            if case .found(let value) = json.lookup(path), let array = value as? [Any] {
                return .value(String(array.count))
            }
            let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .value(String(text.utf8.count))
        }
        switch json.lookup(path) {
        case .found(let value):
            if let array = value as? [Any] { return .value(String(array.count)) }
            if let object = value as? [String: Any] { return .value(String(Self.minifiedJSON(object).utf8.count)) }
            return .value(String(JSONValueBox.text(value).utf8.count))
        case .failed(let reason):
            return .invalid(reason)
        }
    }

    /// An object as Go's `json.Marshal` writes it: sorted keys, no spaces, `<`, `>` and `&` escaped.
    static func minifiedJSON(_ object: [String: Any]) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "" }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
    }

    private static func isEqual(_ left: Resolved, _ right: Resolved) -> Bool {
        switch (left, right) {
        case (.pattern(let pattern), .value(let text)), (.value(let text), .pattern(let pattern)):
            return WildcardPattern.matches(pattern, text)
        case (.any(let options), .value(let text)), (.value(let text), .any(let options)):
            return options.contains { sameValue($0, text) }
        case (.value(let a), .value(let b)):
            return sameValue(a, b)
        default:
            return false
        }
    }

    /// Gatus's equality: two integers in any base Go reads compare as numbers, else the texts.
    private static func sameValue(_ a: String, _ b: String) -> Bool {
        if let x = GoNumber.integer(a), let y = GoNumber.integer(b) { return x == y }
        return a == b
    }

    /// Gatus's numeric reading for `<`, `>`, `<=`, `>=` (see `GoNumber.ordering`).
    private func number(_ resolved: Resolved) -> Int64 {
        guard case .value(let text) = resolved else { return 0 }
        return GoNumber.ordering(text)
    }
}
