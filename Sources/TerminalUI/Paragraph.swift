/// Word-wrapped text in a rectangle, scrolled by whole lines; for detail views and notices.
public struct Paragraph: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// The first wrapped line shown.
    public var scrollOffset: Int

    public init(_ text: String, style: Style = .plain, scrollOffset: Int = 0) {
        self.text = text
        self.style = style
        self.scrollOffset = scrollOffset
    }

    /// How many lines the text takes at `width`, so callers can clamp scrolling.
    public func lineCount(width: Int) -> Int {
        WordWrap.lines(text, width: width).count
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let lines = WordWrap.lines(text, width: area.width)
        let first = min(max(0, scrollOffset), max(0, lines.count - 1))
        for row in 0..<area.height {
            let y = area.minY + row
            buffer.fill(Rect(x: area.minX, y: y, width: area.width, height: 1), with: Cell(" ", style: style))
            let index = first + row
            if index < lines.count {
                buffer.write(lines[index], x: area.minX, y: y, style: style, clip: area)
            }
        }
    }
}
