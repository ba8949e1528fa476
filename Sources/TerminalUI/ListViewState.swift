/// Selection and scroll position of a list, kept in the console's state so moving the
/// selection is a pure state change and the view follows it.
public struct ListViewState: Hashable, Sendable {
    /// The selected row, nil when the list is empty or nothing is selected.
    public private(set) var selection: Int?
    /// The first row shown.
    public private(set) var offset: Int

    public init(selection: Int? = nil, offset: Int = 0) {
        self.selection = selection
        self.offset = max(0, offset)
    }

    /// Selects `index` (clamped to the list), scrolling just enough to show it.
    public mutating func select(_ index: Int?, itemCount: Int, visibleRows: Int) {
        if let index, itemCount > 0 {
            selection = min(max(index, 0), itemCount - 1)
        } else {
            selection = nil
        }
        scrollToSelection(itemCount: itemCount, visibleRows: visibleRows)
    }

    /// Moves the selection by `delta` rows (negative is up); selects the first row if none was.
    public mutating func moveSelection(by delta: Int, itemCount: Int, visibleRows: Int) {
        let target = selection.map { $0 + delta } ?? (delta < 0 ? itemCount - 1 : 0)
        select(target, itemCount: itemCount, visibleRows: visibleRows)
    }

    /// Moves by a page, the way PageUp/PageDown do.
    public mutating func page(_ pages: Int, itemCount: Int, visibleRows: Int) {
        moveSelection(by: pages * max(1, visibleRows - 1), itemCount: itemCount, visibleRows: visibleRows)
    }

    /// Keeps the offset valid after the list or the view changed size, keeping the selection
    /// visible and never leaving empty rows at the bottom when there is more to show above.
    public mutating func scrollToSelection(itemCount: Int, visibleRows: Int) {
        let rows = max(1, visibleRows)
        if let selection {
            if selection < offset { offset = selection }
            if selection >= offset + rows { offset = selection - rows + 1 }
        }
        offset = min(offset, max(0, itemCount - rows))
        offset = max(0, offset)
        if let selection, selection >= itemCount {
            self.selection = itemCount > 0 ? itemCount - 1 : nil
        }
    }
}
