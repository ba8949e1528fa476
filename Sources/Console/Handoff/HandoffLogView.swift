import IncidentCore
import TerminalUI

/// Draws the handoff log over the whole terminal: `sitrep handoff list` above the featured
/// handoff's Markdown, exactly as `sitrep handoff show` prints it.
enum HandoffLogView {
    static func lines(_ log: HandoffLog, width: Int) -> [String] {
        var text = HandoffMarkdown.list(log.handoffs)
        if let featured = log.featured { text += "\n" + HandoffMarkdown.render(featured) }
        return WordWrap.lines(text, width: max(1, width))
    }

    static func render(_ log: HandoffLog, into buffer: inout ScreenBuffer, theme: Theme) {
        let area = Pane(title: "Handoff log", isFocused: true).render(
            into: &buffer, area: buffer.bounds.inset(top: 0, left: 0, bottom: 1, right: 0), theme: theme)
        let all = lines(log, width: area.width)
        let offset = min(log.scrollOffset, max(0, all.count - area.height))
        for (row, line) in all.dropFirst(offset).prefix(area.height).enumerated() {
            let style = line.hasPrefix("#") ? theme[.emphasis] : theme[.text]
            buffer.write(line, x: area.minX, y: area.minY + row, style: style, maxWidth: area.width)
        }
        buffer.fill(
            Rect(x: 0, y: buffer.height - 1, width: buffer.width, height: 1), with: Cell(" ", style: theme[.text]))
        buffer.write(
            " Esc closes · j/k or PgUp/PgDn scroll · K acknowledges the pending handoff", x: 0, y: buffer.height - 1,
            style: theme[.dim], maxWidth: buffer.width)
    }

    /// Rows the log can scroll past at this size.
    static func maximumScroll(_ log: HandoffLog, size: Size) -> Int {
        max(0, lines(log, width: size.width - 2).count - (size.height - 3))
    }
}
