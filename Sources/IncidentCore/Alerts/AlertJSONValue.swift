/// Any JSON value, for the fields senders fill freely (PagerDuty's `custom_details`): kept as
/// compact text beside the alert rather than interpreted.
public enum AlertJSONValue: Decodable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case list([AlertJSONValue])
    case object([String: AlertJSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AlertJSONValue].self) {
            self = .list(value)
        } else {
            self = .object(try container.decode([String: AlertJSONValue].self))
        }
    }

    /// Strings as they are, everything else as compact JSON with sorted keys.
    public var text: String {
        switch self {
        case .string(let value): value
        default: json
        }
    }

    var json: String {
        switch self {
        case .string(let value):
            var quoted = ""
            DetailsJSON.appendQuoted(value, to: &quoted)
            return quoted
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let members):
            return "{"
                + members.sorted { $0.key < $1.key }.map { AlertJSONValue.string($0.key).json + ":" + $0.value.json }
                .joined(separator: ",") + "}"
        }
    }
}
