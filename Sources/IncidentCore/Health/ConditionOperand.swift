/// One side of a condition, parsed once when the config is read.
public indirect enum ConditionOperand: Sendable, Equatable {
    /// Text compared as written (numbers compare as numbers, durations as milliseconds).
    case literal(String)
    /// `[STATUS]`, `[BODY].data[0].id`…; the path is empty for the whole value.
    case placeholder(ConditionPlaceholder, path: [JSONPathComponent])
    /// `len([BODY].items)`: elements of an array, keys of an object or characters of text.
    case length(ConditionOperand)
    /// `has([BODY].errors)`: whether the path exists in the body.
    case has(ConditionOperand)
    /// `pat(2*)`: `*` matches any run of characters.
    case pattern(String)
    /// `any(200, 429)`: equal to one of them.
    case any([String])

    /// Whether evaluating it needs the response body.
    var usesBody: Bool {
        switch self {
        case .placeholder(let placeholder, _): placeholder == .body
        case .length(let inner), .has(let inner): inner.usesBody
        case .literal, .pattern, .any: false
        }
    }

    var usesCertificate: Bool {
        if case .placeholder(.certificateExpiration, _) = self { return true }
        return false
    }
}
