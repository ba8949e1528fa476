import CCMark
import Foundation

/// A borrowed view of one libcmark node. Valid only while the document that owns it is alive,
/// which `RunbookParser` guarantees by freeing the tree after the walk.
struct MarkdownNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// The text a reader sees: literals joined, line breaks as spaces, markup dropped.
    var plainText: String {
        var output = ""
        appendText(to: &output)
        return Self.trimmed(output)
    }

    /// Trims ASCII spaces, tabs and newlines without Foundation's bridging, which dominated parse time.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 })!
        return String(text[first...last])
    }

    private func appendText(to output: inout String) {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            output += literal
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            output += " "
        case CMARK_NODE_HTML_INLINE:
            break
        default:
            for child in children {
                child.appendText(to: &output)
            }
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { output += " " }
        }
    }

    /// Whether the node is a block (paragraph, list, code…) rather than inline text.
    var isBlock: Bool { type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue }

    /// Adds the line every block under this node starts on.
    func collectBlockStartLines(into lines: inout Set<Int>) {
        for child in children where child.isBlock {
            lines.insert(child.startLine)
            child.collectBlockStartLines(into: &lines)
        }
    }

    /// Whether any descendant (not the node itself) has `type`.
    func contains(_ wanted: cmark_node_type) -> Bool {
        children.contains { $0.type == wanted || $0.contains(wanted) }
    }
}
