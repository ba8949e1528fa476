/// A fence's info string split into its language and runme-style attributes:
/// ```` ```bash {name=pool-status timeout=30s expect="ok"} ````.
struct FenceInfo: Equatable {
    var language: String
    /// In the order written, so a repeated key can be reported.
    var attributes: [(key: String, value: String)]
    /// Syntax problems (unterminated quote or brace, a word that is not `key=value`).
    var errors: [String]

    static func == (lhs: FenceInfo, rhs: FenceInfo) -> Bool {
        lhs.language == rhs.language && lhs.errors == rhs.errors
            && lhs.attributes.map { [$0.key, $0.value] } == rhs.attributes.map { [$0.key, $0.value] }
    }

    init(language: String, attributes: [(key: String, value: String)], errors: [String]) {
        self.language = language
        self.attributes = attributes
        self.errors = errors
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
}
