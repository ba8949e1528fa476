import Foundation

/// The response body parsed as JSON at most once per evaluation, with path lookups that explain
/// themselves when they fail.
final class JSONValueBox: @unchecked Sendable {
    enum Lookup {
        case found(Any)
        case failed(String)
    }

    private let body: [UInt8]?
    private lazy var parsed: Lookup = parse()

    init(body: [UInt8]?) {
        self.body = body
    }

    private func parse() -> Lookup {
        guard let body else { return .failed("no body") }
        do {
            return .found(try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]))
        } catch {
            return .failed("body is not valid JSON")
        }
    }

    func lookup(_ path: [JSONPathComponent]) -> Lookup {
        guard case .found(var value) = parsed else { return parsed }
        var walked = "[BODY]"
        for component in path {
            walked += component.text
            switch component {
            case .key(let name):
                guard let object = value as? [String: Any], let next = object[name] else {
                    return .failed("\(walked) not found")
                }
                value = next
            case .index(let index):
                guard let array = value as? [Any], index < array.count else { return .failed("\(walked) not found") }
                value = array[index]
            }
        }
        return .found(value)
    }

    /// A JSON value as Gatus prints it: strings bare, integral numbers without `.0`.
    static func text(_ value: Any) -> String {
        switch value {
        case let text as String: return text
        case let number as NSNumber:
            // JSON booleans come back as NSNumbers of C type `char`; JSON numbers never do.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return String(double)
        case is NSNull: return "null"
        default:
            guard JSONSerialization.isValidJSONObject(value),
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
            else { return "\(value)" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
