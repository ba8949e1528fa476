/// The fence of a fenced code block. libcmark 0.30 tells neither whether a code block was fenced or
/// indented nor whether its fence was closed, so both are read from the node and its source lines.
struct CodeFence: Equatable {
    /// A backtick or a tilde.
    var character: UInt8
    var length: Int

    /// How the author wrote the fence, for messages: ```` ``` ```` or `~~~~`.
    var text: String { String(repeating: Character(UnicodeScalar(character)), count: length) }

    /// The fence that opens `node`, or nil for an indented code block (which is never a step).
    init?(opening node: MarkdownNode, in source: MarkdownSource) {
        let line = source.line(node.startLine, from: node.startColumn)
        // An indented block's literal begins with its own first line. A fenced block's begins on the
        // line after the fence, and cannot repeat an info-less fence line, which would have closed it.
        if node.fenceInfo.isEmpty {
            let literal = node.literal.utf8
            if !literal.isEmpty, literal.prefix(while: { $0 != 10 }).elementsEqual(line) { return nil }
        }
        let start = line.drop { $0 == 32 || $0 == 9 }
        guard let character = start.first, character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else {
            return nil
        }
        let length = start.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        self.character = character
        self.length = length
    }

    /// Whether `node`'s own closing fence ends it. An unclosed fence runs to the end of its container
    /// (list item, quote) or of the document: then its last line is content, or the line that ended
    /// the container, which starts a block of its own (`blockStarts`) or is blank.
    func isClosed(_ node: MarkdownNode, in source: MarkdownSource, blockStarts: Set<Int>) -> Bool {
        let end = node.endLine
        guard end > node.startLine, !blockStarts.contains(end) else { return false }
        let contentLines = node.literal.utf8.count { $0 == 10 }
        guard contentLines == end - node.startLine - 1 else { return false }
        let line = source.line(end).drop { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ">") }
        let run = line.prefix { $0 == character }.count
        return run >= length && line.dropFirst(run).allSatisfy { $0 == 32 || $0 == 9 }
    }
}
