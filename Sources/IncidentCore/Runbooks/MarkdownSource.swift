/// A runbook's bytes with the offset of every line, so code fences found in libcmark's tree can be
/// checked against the lines they came from.
struct MarkdownSource {
    let bytes: [UInt8]
    /// Byte offset where each line starts (index 0 is line 1).
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 30 + 1)
        for (offset, byte) in bytes.enumerated() where byte == 10 {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The bytes of line `line` (1-based) without its line ending.
    func line(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return bytes[start..<end]
    }

    /// Line `line` from 1-based byte column `column` on.
    func line(_ line: Int, from column: Int) -> ArraySlice<UInt8> {
        let whole = self.line(line)
        return whole.dropFirst(max(column - 1, 0))
    }
}
