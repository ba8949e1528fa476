import Foundation

/// Decodes a receiver's body, turning Foundation's decoding errors into the reason a sender
/// needs ("`alerts[0].startsAt` must be a string"), since the 400 answer is all they see.
public enum AlertJSON {
    public static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws(AlertPayloadError) -> T {
        if body.isEmpty { throw AlertPayloadError("the body is empty; expected a JSON object") }
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw AlertPayloadError(reason(error))
        } catch let error as AlertPayloadError {
            throw error
        } catch {
            throw AlertPayloadError("the body is not valid JSON: \(error)")
        }
    }

    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(typeName(type)), not null"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "the body is not valid JSON" }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "the body could not be read: \(error)"
        }
    }

    /// `alerts[0].labels`, in backticks, the way the sender's payload names it.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return "`\(text.isEmpty ? "body" : text)`"
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String: String].Type: "an object of strings"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    /// A sender's time (RFC 3339, nanoseconds allowed); Alertmanager's zero time means "not set".
    static func time(_ text: String?, field: String) throws(AlertPayloadError) -> Date? {
        guard let text, !text.isEmpty, !text.hasPrefix("0001-01-01") else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw AlertPayloadError("`\(field)` is not an RFC 3339 time: \(text)")
        }
        return date
    }
}
