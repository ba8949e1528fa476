/// Puts recorded text into generated Markdown without letting it change the document's shape:
/// a pipe cannot split a table cell, a line starting with `#` cannot become a heading, and an
/// unclosed code fence cannot swallow the sections after it.
public enum MarkdownText {
    /// Text for one GFM table cell: pipes escaped (also inside code spans, as GFM requires),
    /// line breaks as `<br>`, surrounding blanks trimmed.
    public static func cell(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first > 32, last > 32,
            !utf8.contains(where: { $0 == 124 || $0 == 10 || $0 == 13 })
        {
            return text
        }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        var pendingBreak = false
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if pendingBreak { output += "<br>" }
            for character in trimmed {
                if character == "|" {
                    output += "\\|"
                } else {
                    output.append(character)
                }
            }
            pendingBreak = true
        }
        return output.isEmpty ? " " : output
    }

    /// `cell(text)` appended as bytes; one pass for the common single-line text, which is what
    /// a 100,000-row timeline table is made of.
    static func appendCell(_ text: String, to out: inout [UInt8]) {
        var text = text
        let done = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first > 32, last > 32 else { return false }
            var pipes = false
            for byte in bytes {
                if byte == 10 || byte == 13 { return false }
                if byte == 124 { pipes = true }
            }
            if !pipes {
                out.append(contentsOf: bytes)
                return true
            }
            for byte in bytes {
                if byte == 124 { out.append(92) }
                out.append(byte)
            }
            return true
        }
        if !done { out.append(contentsOf: cell(text).utf8) }
    }

    /// Free text as paragraphs: kept as the author wrote it (lists, emphasis, links work), except
    /// for line starts that would open a heading, a fence, an HTML block or a setext underline.
    public static func block(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var content = String(line)
            while content.last == " " || content.last == "\t" { content.removeLast() }
            let indent = content.prefix { $0 == " " }
            let rest = content.dropFirst(indent.count)
            if indent.count < 4, let first = rest.first {
                let underline = rest.allSatisfy { $0 == "=" } || (rest.allSatisfy { $0 == "-" || $0 == " " })
                if first == "#" || first == "<" || first == "|" || rest.hasPrefix("```") || rest.hasPrefix("~~~")
                    || underline
                {
                    content = String(indent) + "\\" + rest
                }
            } else if indent.count >= 4 {
                // An indented code block would also break out of the paragraph layout.
                content = String(rest)
            }
            lines.append(content)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// One line of inline text: line breaks become spaces, so a heading or list item stays whole.
    public static func inline(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A GFM table from a header row and body rows; every cell is escaped here.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        var output = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        output += "|" + String(repeating: " --- |", count: header.count) + "\n"
        for row in rows {
            output += "| "
            for (index, value) in row.enumerated() {
                if index > 0 { output += " | " }
                output += cell(value)
            }
            output += " |\n"
        }
        return output
    }
}
