import Mustache

/// A text value in a template. `{{x}}` writes it safe for a paragraph; `{{cell(x)}}` for a table
/// cell, `{{inline(x)}}` on one line, `{{raw(x)}}` exactly as recorded. Empty text is false in
/// sections, so `{{^rootCause}}…{{/rootCause}}` can print a prompt instead.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var renderText: String { MarkdownText.block(text) }
    var isNull: Bool { text.isEmpty }

    func transform(_ name: String) -> Any? {
        switch name {
        case "cell": return MarkdownText.cell(text)
        case "inline": return MarkdownText.inline(text)
        case "raw": return text
        case "code": return TimelineSentence.code(text)
        case "lowercased": return text.lowercased()
        case "uppercased": return text.uppercased()
        case "empty": return text.isEmpty
        default: return nil
        }
    }
}
