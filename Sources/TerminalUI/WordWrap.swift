/// Breaks text into lines that fit a column width, measuring display width (so 障害 counts
/// as four columns), for timeline entries, notices and help text.
public enum WordWrap {
    /// Wraps at spaces; words longer than a line start a new line and are broken between
    /// characters (which is also how CJK text without spaces wraps). Explicit newlines start new lines, leading
    /// indentation of a paragraph is kept, and tabs count as four spaces.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        let paragraphs = text.replacingTabs().split(separator: "\n", omittingEmptySubsequences: false)
        for paragraph in paragraphs {
            result.append(contentsOf: wrapParagraph(Substring(paragraph), width: width))
        }
        return result
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var pendingSpaces = 0
        var isFirstToken = true

        func flush() {
            lines.append(line)
            line = ""
            lineWidth = 0
        }

        for token in tokens(of: paragraph) {
            if token.first == " " {
                if isFirstToken {
                    // Leading indentation is kept, clipped to the line.
                    line = String(repeating: " ", count: min(token.count, width - 1))
                    lineWidth = line.count
                } else {
                    pendingSpaces = token.count
                }
                isFirstToken = false
                continue
            }
            isFirstToken = false
            let tokenWidth = DisplayWidth.of(token)
            let gap = lineWidth == 0 ? 0 : pendingSpaces
            pendingSpaces = 0
            if lineWidth + gap + tokenWidth <= width {
                line += String(repeating: " ", count: gap) + token
                lineWidth += gap + tokenWidth
                continue
            }
            if tokenWidth <= width {
                if lineWidth > 0 { flush() }
                line = String(token)
                lineWidth = tokenWidth
                continue
            }
            // A word wider than any line (a URL, CJK text) starts a line and breaks between characters.
            if lineWidth > 0 { flush() }
            for character in token {
                let characterWidth = DisplayWidth.of(character)
                if lineWidth + characterWidth > width && lineWidth > 0 { flush() }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        if lineWidth > 0 || lines.isEmpty { flush() }
        return lines
    }

    /// Alternating runs of spaces and of other characters.
    private static func tokens(of text: Substring) -> [Substring] {
        var tokens: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let isSpace = text[index] == " "
            var end = index
            while end < text.endIndex && (text[end] == " ") == isSpace { end = text.index(after: end) }
            tokens.append(text[start..<end])
            index = end
            start = end
        }
        return tokens
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var result = ""
        for character in self {
            if character == "\t" {
                result += "    "
            } else if character == "\r\n" || character == "\r" {
                result += "\n"
            } else {
                result.append(character)
            }
        }
        return result
    }
}
