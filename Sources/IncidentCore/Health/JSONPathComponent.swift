/// One step into a JSON body: `.name` or `[3]`, as in `[BODY].data[0].id`.
public enum JSONPathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)

    /// Splits `.data[0].id` (the text after `[BODY]`) into steps; nil when it is malformed.
    static func parse(_ text: Substring) -> [JSONPathComponent]? {
        var components: [JSONPathComponent] = []
        var rest = text
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                components.append(.key(String(name)))
                rest = rest.dropFirst(name.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]"),
                    let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                    index >= 0
                else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        return components
    }

    var text: String {
        switch self {
        case .key(let name): ".\(name)"
        case .index(let index): "[\(index)]"
        }
    }
}
