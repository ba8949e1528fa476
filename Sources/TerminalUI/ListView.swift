/// A scrolling list of single-line rows with one selected row, e.g. the incidents pane.
public struct ListView: Hashable, Sendable {
    /// The rows on hand: all of them, or for long lists (a timeline of a million entries)
    /// just a window around the visible part, starting at `firstRowIndex`.
    public var rows: [[Span]]
    public var state: ListViewState
    /// Unfocused lists show their selection more quietly.
    public var isFocused: Bool
    /// Index of `rows[0]` in the whole list.
    public var firstRowIndex: Int
    /// Length of the whole list; defaults to the rows on hand.
    public var itemCount: Int

    public init(
        rows: [[Span]],
        state: ListViewState,
        isFocused: Bool = true,
        firstRowIndex: Int = 0,
        itemCount: Int? = nil
    ) {
        self.rows = rows
        self.state = state
        self.isFocused = isFocused
        self.firstRowIndex = max(0, firstRowIndex)
        self.itemCount = itemCount ?? (max(0, firstRowIndex) + rows.count)
    }

    /// Draws the visible rows into `area`. Each row is clipped to the width; the selected row
    /// is filled edge to edge with the selection style, keeping each span's own colour.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        var state = self.state
        state.scrollToSelection(itemCount: itemCount, visibleRows: area.height)
        let selectionStyle = theme[isFocused ? .selection : .selectionUnfocused]
        for line in 0..<area.height {
            let index = state.offset + line
            let y = area.minY + line
            buffer.fill(Rect(x: area.minX, y: y, width: area.width, height: 1), with: Cell(" ", style: theme[.text]))
            let local = index - firstRowIndex
            guard index < itemCount, rows.indices.contains(local) else { continue }
            buffer.write(rows[local], x: area.minX, y: y, maxWidth: area.width, clip: area)
            if index == state.selection {
                buffer.applyStyle(Rect(x: area.minX, y: y, width: area.width, height: 1)) {
                    $0.layered(over: selectionStyle)
                }
            }
        }
    }
}
