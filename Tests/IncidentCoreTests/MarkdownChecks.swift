import Testing

/// Structural checks on generated Markdown: every GFM table row has as many cells as its header,
/// counting only pipes that are not escaped, so no recorded text split or merged a cell.
enum MarkdownChecks {
    static func tablesAreWellFormed(_ markdown: String) throws {
        var expected: Int?
        for (number, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix("|") else {
                expected = nil
                continue
            }
            let cells = cellCount(line)
            if let expected {
                #expect(cells == expected, "line \(number + 1) has \(cells) cells, header has \(expected): \(line)")
            } else {
                expected = cells
            }
        }
    }

    static func cellCount(_ line: Substring) -> Int {
        var pipes = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                pipes += 1
            }
        }
        return pipes - 1
    }
}
