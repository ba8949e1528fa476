/// A centred box listing keys and what they do, drawn over whatever is on screen.
///
/// The console builds the sections from its key table, so `?` always shows the keys that
/// actually work. Long descriptions wrap; when the list is taller than the screen it scrolls.
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public var sections: [HelpSection]
    /// First content line shown.
    public var scrollOffset: Int
    /// Shown in the bottom border, e.g. how to close the overlay.
    public var footer: String

    public init(title: String = "Help", sections: [HelpSection], scrollOffset: Int = 0, footer: String = "Esc closes") {
        self.title = title
        self.sections = sections
        self.scrollOffset = scrollOffset
        self.footer = footer
    }

    /// The box the overlay occupies inside `area`.
    public func frame(in area: Rect) -> Rect {
        let layout = self.layout(in: area)
        return layout.frame
    }

    /// The largest useful `scrollOffset` in `area`, for clamping in the reducer.
    public func maximumScrollOffset(in area: Rect) -> Int {
        let layout = self.layout(in: area)
        return max(0, layout.lines.count - max(0, layout.frame.height - 2))
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let layout = self.layout(in: area)
        let content = Pane(title: title, isFocused: true).render(into: &buffer, area: layout.frame, theme: theme)
        guard !content.isEmpty else { return }
        let inner = content.inset(left: 1, right: 1)
        let first = min(max(0, scrollOffset), max(0, layout.lines.count - content.height))
        for row in 0..<content.height {
            let index = first + row
            guard index < layout.lines.count else { break }
            let line = layout.lines[index]
            let y = content.minY + row
            switch line {
            case .heading(let text):
                buffer.write(text, x: inner.minX, y: y, style: theme[.emphasis], clip: inner)
            case .entry(let keys, let description):
                buffer.write(keys, x: inner.minX, y: y, style: theme[.helpKey], maxWidth: layout.keyWidth, clip: inner)
                buffer.write(
                    description, x: inner.minX + layout.keyWidth + 2, y: y, style: theme[.helpText], clip: inner)
            case .blank:
                continue
            }
        }
        let footerLabel = " " + footer + " "
        let footerWidth = DisplayWidth.of(footerLabel)
        if !footer.isEmpty && footerWidth <= layout.frame.width - 4 {
            buffer.write(
                footerLabel, x: layout.frame.maxX - 2 - footerWidth, y: layout.frame.maxY - 1, style: theme[.dim])
        }
    }

    private enum Line: Hashable {
        case heading(String)
        case entry(keys: String, description: String)
        case blank
    }

    private struct Layout {
        var frame: Rect
        var keyWidth: Int
        var lines: [Line]
    }

    private func layout(in area: Rect) -> Layout {
        let entries = sections.flatMap(\.entries)
        let widestKeys = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let widestDescription = entries.map { DisplayWidth.of($0.description) }.max() ?? 0
        let widestHeading = sections.map { DisplayWidth.of($0.title) }.max() ?? 0
        // Border and one column of padding on each side take 4 columns.
        let maximumInner = max(0, min(area.width - 4, 76))
        let keyWidth = min(widestKeys, maximumInner / 3)
        let descriptionWidth = max(1, min(widestDescription, maximumInner - keyWidth - 2))
        let innerWidth = min(
            maximumInner, max(keyWidth + 2 + descriptionWidth, widestHeading, DisplayWidth.of(title) + 2))
        var lines: [Line] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(.blank) }
            if !section.title.isEmpty { lines.append(.heading(section.title)) }
            for entry in section.entries {
                let wrapped = WordWrap.lines(entry.description, width: descriptionWidth)
                for (lineIndex, text) in wrapped.enumerated() {
                    lines.append(.entry(keys: lineIndex == 0 ? entry.keys : "", description: text))
                }
            }
        }
        let width = min(area.width, innerWidth + 4)
        let height = min(area.height, lines.count + 2)
        let frame = Rect(
            x: area.minX + (area.width - width) / 2,
            y: area.minY + (area.height - height) / 2,
            width: width,
            height: height
        )
        return Layout(frame: frame, keyWidth: keyWidth, lines: lines)
    }
}
