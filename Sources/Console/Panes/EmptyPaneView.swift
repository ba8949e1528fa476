import TerminalUI

/// A pane with nothing to show yet, saying what would fill it and how.
enum EmptyPaneView {
    static func render(
        title: String, focused: Bool, lines: [String], into buffer: inout ScreenBuffer, area: Rect, theme: Theme
    ) {
        let content = Pane(title: title, isFocused: focused).render(into: &buffer, area: area, theme: theme)
        var row = content.minY
        for line in lines {
            if line.isEmpty {
                row += 1
                continue
            }
            for wrapped in WordWrap.lines(line, width: max(1, content.width - 1)) where row < content.maxY {
                buffer.write(wrapped, x: content.minX + 1, y: row, style: theme[.dim], maxWidth: content.width - 1)
                row += 1
            }
        }
    }
}
