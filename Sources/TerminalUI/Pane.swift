/// A bordered box with a title in the top border: the frame of every console pane.
public struct Pane: Hashable, Sendable {
    public var title: String
    public var isFocused: Bool
    public var glyphs: BorderGlyphs
    public var focusedGlyphs: BorderGlyphs

    public init(
        title: String, isFocused: Bool = false, glyphs: BorderGlyphs = .light, focusedGlyphs: BorderGlyphs = .heavy
    ) {
        self.title = title
        self.isFocused = isFocused
        self.glyphs = glyphs
        self.focusedGlyphs = focusedGlyphs
    }

    /// The area left for content inside the border of `area`.
    public static func contentArea(of area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Clears `area`, draws the border and title, and returns the content area. Areas too small
    /// for a border (under 2×2) are just cleared, so tiny terminals never see broken boxes.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) -> Rect {
        let area = area.intersection(buffer.bounds)
        buffer.fill(area, with: Cell(" ", style: theme[.text]))
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let border = theme[isFocused ? .paneBorderFocused : .paneBorder]
        let glyphs = isFocused ? focusedGlyphs : self.glyphs
        for x in (area.minX + 1)..<(area.maxX - 1) {
            buffer.set(Cell(glyphs.horizontal, style: border), x: x, y: area.minY)
            buffer.set(Cell(glyphs.horizontal, style: border), x: x, y: area.maxY - 1)
        }
        for y in (area.minY + 1)..<(area.maxY - 1) {
            buffer.set(Cell(glyphs.vertical, style: border), x: area.minX, y: y)
            buffer.set(Cell(glyphs.vertical, style: border), x: area.maxX - 1, y: y)
        }
        buffer.set(Cell(glyphs.topLeft, style: border), x: area.minX, y: area.minY)
        buffer.set(Cell(glyphs.topRight, style: border), x: area.maxX - 1, y: area.minY)
        buffer.set(Cell(glyphs.bottomLeft, style: border), x: area.minX, y: area.maxY - 1)
        buffer.set(Cell(glyphs.bottomRight, style: border), x: area.maxX - 1, y: area.maxY - 1)
        let titleRoom = area.width - 4
        if !title.isEmpty && titleRoom > 2 {
            let label = " " + Pane.truncate(title, toWidth: titleRoom - 2) + " "
            buffer.write(
                label, x: area.minX + 2, y: area.minY, style: theme[isFocused ? .paneTitleFocused : .paneTitle],
                maxWidth: titleRoom)
        }
        return Pane.contentArea(of: area)
    }

    /// Cuts text to `width` columns, ending in "…" when something was cut.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }
}
