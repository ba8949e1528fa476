/// A scrolling list of single-line rows with one selected row, e.g. the incidents pane.
public struct ListView: Hashable, Sendable {
    public var rows: [[Span]]
    public var state: ListViewState
    /// Unfocused lists show their selection more quietly.
    public var isFocused: Bool

    public init(rows: [[Span]], state: ListViewState, isFocused: Bool = true) {
        self.rows = rows
        self.state = state
        self.isFocused = isFocused
    }

    /// Draws the visible rows into `area`. Each row is clipped to the width; the selected row
    /// is filled edge to edge with the selection style, keeping each span's own colour.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        var state = self.state
        state.scrollToSelection(itemCount: rows.count, visibleRows: area.height)
        let selectionStyle = theme[isFocused ? .selection : .selectionUnfocused]
        for line in 0..<area.height {
            let index = state.offset + line
            let y = area.minY + line
            buffer.fill(Rect(x: area.minX, y: y, width: area.width, height: 1), with: Cell(" ", style: theme[.text]))
            guard index < rows.count else { continue }
            buffer.write(rows[index], x: area.minX, y: y, maxWidth: area.width, clip: area)
            if index == state.selection {
                buffer.applyStyle(Rect(x: area.minX, y: y, width: area.width, height: 1)) {
                    $0.layered(over: selectionStyle)
                }
            }
        }
    }
}
