import Foundation

/// The JSON encoder behind every `--json`: sorted keys and ISO-8601 UTC times, so output is stable.
public enum ExportJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
