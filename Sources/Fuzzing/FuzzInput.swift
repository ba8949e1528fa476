/// Helpers for turning libFuzzer's bytes into the inputs a target needs.
enum FuzzInput {
    /// Invalid UTF-8 is replaced as the product's own file readers replace it, so every input
    /// reaches the parser instead of stopping at decoding.
    static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The input cut at its first newline: a short head (a condition, a selector) and a body.
    static func split(_ bytes: [UInt8]) -> (head: [UInt8], body: [UInt8]) {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return (bytes, []) }
        return (Array(bytes[..<newline]), Array(bytes[(newline + 1)...]))
    }

    /// The number of lines a text has, counting a last line without a newline; problems may point
    /// one past it (at the end of the file). A lone carriage return ends a line too, as it does for
    /// YAML and for editors, so front matter with old Mac line ends is counted as they count it.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && bytes.dropFirst(index + 1).first != UInt8(ascii: "\n"))
            {
                lines += 1
            }
        }
        return lines
    }

    /// A problem reported for a file must name it and a line that exists.
    static func checkLine(_ line: Int?, in bytes: [UInt8], what: String) {
        guard let line else { return }
        precondition(line >= 1 && line <= lineCount(bytes) + 1, "\(what) names line \(line) of \(lineCount(bytes))")
    }
}
