import Foundation

/// A fence's info string split into its language and runme-style attributes:
/// ```` ```bash {name=pool-status timeout=30s expect="ok"} ````, or the JSON object runme itself
/// writes, ```` ```sh {"id":"01HF…","name":"pool-status"} ````.
struct FenceInfo: Equatable {
    var language: String
    /// In the order written, so a repeated key can be reported.
    var attributes: [(key: String, value: String)]
    /// Syntax problems (unterminated quote or brace, a word that is not `key=value`).
    var errors: [String]
    /// Written as a JSON object, as runme does: its keys are runme's to add, so unknown ones are no error.
    var isJSON = false

    static func == (lhs: FenceInfo, rhs: FenceInfo) -> Bool {
        lhs.language == rhs.language && lhs.errors == rhs.errors && lhs.isJSON == rhs.isJSON
            && lhs.attributes.map { [$0.key, $0.value] } == rhs.attributes.map { [$0.key, $0.value] }
    }

    init(language: String, attributes: [(key: String, value: String)], errors: [String], isJSON: Bool = false) {
        self.language = language
        self.attributes = attributes
        self.errors = errors
        self.isJSON = isJSON
    }

    init(_ info: String) {
        let characters = Array(info.unicodeScalars)
        var index = 0
        func skipSpace() {
            while index < characters.count, characters[index].properties.isWhitespace || characters[index] == "," {
                index += 1
            }
        }
        skipSpace()
        var language = ""
        while index < characters.count, !characters[index].properties.isWhitespace, characters[index] != "{" {
            language.unicodeScalars.append(characters[index])
            index += 1
        }
        var attributes: [(key: String, value: String)] = []
        var errors: [String] = []
        var insideBraces = false
        while true {
            skipSpace()
            guard index < characters.count else { break }
            let character = characters[index]
            if character == "{", !insideBraces, attributes.isEmpty, errors.isEmpty,
                characters[(index + 1)...].first(where: { !$0.properties.isWhitespace }) == "\""
            {
                var json = String.UnicodeScalarView()
                json.append(contentsOf: characters[index...])
                self = Self(json: String(json), language: language)
                return
            }
            if character == "{" {
                if insideBraces { errors.append("a `{` inside the attribute braces") }
                insideBraces = true
                index += 1
                continue
            }
            if character == "}" {
                if !insideBraces { errors.append("a `}` without a matching `{`") }
                insideBraces = false
                index += 1
                continue
            }
            var key = ""
            while index < characters.count,
                characters[index].properties.isAlphabetic || ("0"..."9").contains(characters[index])
                    || characters[index] == "_" || characters[index] == "-"
            {
                key.unicodeScalars.append(characters[index])
                index += 1
            }
            guard !key.isEmpty, index < characters.count, characters[index] == "=" else {
                var word = key
                while index < characters.count, !characters[index].properties.isWhitespace, characters[index] != "}" {
                    word.unicodeScalars.append(characters[index])
                    index += 1
                }
                errors.append("`\(word)` is not a key=value attribute")
                continue
            }
            index += 1
            var value = ""
            if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                let quote = characters[index]
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == "\\", index + 1 < characters.count, characters[index + 1] == quote {
                        value.unicodeScalars.append(quote)
                        index += 2
                        continue
                    }
                    if characters[index] == quote {
                        closed = true
                        index += 1
                        break
                    }
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
                if !closed { errors.append("the value of `\(key)` has no closing \(quote)") }
            } else {
                while index < characters.count, !characters[index].properties.isWhitespace, characters[index] != "}",
                    characters[index] != ","
                {
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
            }
            attributes.append((key: key, value: value))
        }
        if insideBraces { errors.append("the attribute list has no closing `}`") }
        self.init(language: language.lowercased(), attributes: attributes, errors: errors)
    }

    /// `{"id":"01HF…","name":"x","excludeFromRunAll":true}`: strings as written, numbers and
    /// booleans as their JSON text, so `{"timeout":30}` reads like `timeout=30`.
    init(json: String, language: String) {
        var errors: [String] = []
        var attributes: [(key: String, value: String)] = []
        do {
            let object = try JSONDecoder().decode([String: Scalar].self, from: Data(json.utf8))
            for key in object.keys.sorted() {
                if let value = object[key]!.text {
                    attributes.append((key: key, value: value))
                } else {
                    errors.append("the value of `\(key)` is not a string, number or boolean")
                }
            }
        } catch {
            errors.append("the attributes are not a valid JSON object")
        }
        self.init(language: language.lowercased(), attributes: attributes, errors: errors, isJSON: true)
    }

    /// One JSON attribute value as text; nil for arrays, objects and null.
    struct Scalar: Decodable {
        var text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                text = flag ? "true" : "false"
            } else if let whole = try? container.decode(Int64.self) {
                text = String(whole)
            } else if let number = try? container.decode(Double.self) {
                text = String(number)
            } else {
                text = try? container.decode(String.self)
            }
        }
    }
}
