/// A multi-line text editor: soft-wrapped at word boundaries to the box width, vertical
/// scrolling that keeps the cursor on screen, and widths measured in display columns so 障害
/// and emoji wrap and place the cursor correctly.
///
/// A plain value kept in console state, like `TextField`. Pasted text arrives as ordinary
/// keys (Enter for each line break), so a paste is just fast typing; `insert(_:)` also takes
/// whole strings with line breaks.
public struct TextArea: Hashable, Sendable {
    /// The first display row drawn: a logical line and a wrapped row within it. Anchored this
    /// way so that scrolling never needs to re-wrap the whole text.
    struct RowPosition: Hashable, Sendable, Comparable {
        var line: Int
        var row: Int

        static func < (lhs: RowPosition, rhs: RowPosition) -> Bool {
            (lhs.line, lhs.row) < (rhs.line, rhs.row)
        }
    }

    /// Columns a tab is worth; tabs are stored as spaces so widths stay simple.
    public static let tabWidth = 4

    private var lines: [[Character]]
    /// The line the cursor is on, 0..<lineCount.
    public private(set) var cursorLine: Int
    /// The cursor as a character index within its line, 0...count.
    public private(set) var cursorIndex: Int
    /// The display column up and down moves aim for, kept across short lines.
    private var goalColumn: Int?
    private var top = RowPosition(line: 0, row: 0)
    /// Columns and rows of the box the text is drawn in; set it when the layout changes.
    public var visibleSize: Size {
        didSet { scrollToCursor() }
    }

    public init(text: String = "", visibleSize: Size = Size(width: 60, height: 10)) {
        self.lines = [[]]
        self.cursorLine = 0
        self.cursorIndex = 0
        self.visibleSize = Size(width: max(1, visibleSize.width), height: max(1, visibleSize.height))
        insert(text)
    }

    /// The text with `\n` between lines.
    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }
    /// True when there is something other than spaces and line breaks: what is worth keeping.
    public var hasContent: Bool { lines.contains { line in line.contains { !$0.isWhitespace } } }
    public var lineCount: Int { lines.count }

    public func line(_ index: Int) -> String { String(lines[index]) }

    /// The first visible row, as (logical line, wrapped row within it).
    public var firstVisibleRow: (line: Int, row: Int) { (top.line, top.row) }

    /// Replaces the whole text and puts the cursor at the end.
    public mutating func setText(_ text: String) {
        lines = [[]]
        cursorLine = 0
        cursorIndex = 0
        top = RowPosition(line: 0, row: 0)
        insert(text)
    }

    // MARK: - Editing

    /// Inserts at the cursor. Line breaks (`\n`, `\r\n`, `\r`) split the line; tabs become
    /// spaces and other control characters are dropped. A combining mark typed on its own
    /// joins the character before it, as it does on screen.
    public mutating func insert(_ text: String) {
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                breakLine()
                continue
            }
            if character == "\t" {
                let spaces = Self.tabWidth - cursorColumn % Self.tabWidth
                lines[cursorLine].insert(contentsOf: repeatElement(" ", count: spaces), at: cursorIndex)
                cursorIndex += spaces
                continue
            }
            if character.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) ?? true { continue }
            if cursorIndex > 0 {
                let joined = String(lines[cursorLine][cursorIndex - 1]) + String(character)
                if joined.count == 1, let merged = joined.first {
                    lines[cursorLine][cursorIndex - 1] = merged
                    continue
                }
            }
            lines[cursorLine].insert(character, at: cursorIndex)
            cursorIndex += 1
        }
        edited()
    }

    public mutating func insert(_ character: Character) {
        insert(String(character))
    }

    /// Enter: splits the line at the cursor.
    public mutating func insertNewline() {
        breakLine()
        edited()
    }

    /// Backspace: removes the character before the cursor, or joins this line to the one above.
    public mutating func deleteBackward() {
        if cursorIndex > 0 {
            lines[cursorLine].remove(at: cursorIndex - 1)
            cursorIndex -= 1
        } else if cursorLine > 0 {
            let rest = lines.remove(at: cursorLine)
            cursorLine -= 1
            cursorIndex = lines[cursorLine].count
            lines[cursorLine].append(contentsOf: rest)
        }
        edited()
    }

    /// Delete: removes the character under the cursor, or joins the next line to this one.
    public mutating func deleteForward() {
        if cursorIndex < lines[cursorLine].count {
            lines[cursorLine].remove(at: cursorIndex)
        } else if cursorLine + 1 < lines.count {
            let next = lines.remove(at: cursorLine + 1)
            lines[cursorLine].append(contentsOf: next)
        }
        edited()
    }

    /// Ctrl-W: removes the spaces before the cursor, then the word before them; at the start
    /// of a line, joins it to the line above.
    public mutating func deleteWordBackward() {
        guard cursorIndex > 0 else { return deleteBackward() }
        let start = wordStart(before: cursorIndex)
        lines[cursorLine].removeSubrange(start..<cursorIndex)
        cursorIndex = start
        edited()
    }

    /// Ctrl-U: removes everything before the cursor on its line.
    public mutating func deleteToLineStart() {
        lines[cursorLine].removeSubrange(0..<cursorIndex)
        cursorIndex = 0
        edited()
    }

    /// Ctrl-K: removes the rest of the line, or at its end joins the next line (as in Emacs).
    public mutating func deleteToLineEnd() {
        if cursorIndex == lines[cursorLine].count { return deleteForward() }
        lines[cursorLine].removeSubrange(cursorIndex..<lines[cursorLine].count)
        edited()
    }

    // MARK: - Moving

    public mutating func moveLeft() {
        if cursorIndex > 0 {
            cursorIndex -= 1
        } else if cursorLine > 0 {
            cursorLine -= 1
            cursorIndex = lines[cursorLine].count
        }
        moved()
    }

    public mutating func moveRight() {
        if cursorIndex < lines[cursorLine].count {
            cursorIndex += 1
        } else if cursorLine + 1 < lines.count {
            cursorLine += 1
            cursorIndex = 0
        }
        moved()
    }

    /// Home: the start of the display row, then (pressed again) the start of the line.
    public mutating func moveLineStart() {
        let starts = rowStarts(cursorLine)
        let rowStart = starts[row(of: cursorIndex, in: starts)]
        cursorIndex = cursorIndex == rowStart ? 0 : rowStart
        moved()
    }

    /// End: the end of the logical line.
    public mutating func moveLineEnd() {
        cursorIndex = lines[cursorLine].count
        moved()
    }

    public mutating func moveWordLeft() {
        if cursorIndex == 0 { return moveLeft() }
        cursorIndex = wordStart(before: cursorIndex)
        moved()
    }

    public mutating func moveWordRight() {
        let line = lines[cursorLine]
        if cursorIndex == line.count { return moveRight() }
        var index = cursorIndex
        while index < line.count && line[index].isWhitespace { index += 1 }
        while index < line.count && !line[index].isWhitespace { index += 1 }
        cursorIndex = index
        moved()
    }

    /// Up and down move by display rows, so a long wrapped line is walked row by row, aiming
    /// for the column the cursor was in before the first vertical move.
    public mutating func moveUp(rows: Int = 1) {
        moveVertically(by: -rows)
    }

    public mutating func moveDown(rows: Int = 1) {
        moveVertically(by: rows)
    }

    public mutating func moveToStart() {
        cursorLine = 0
        cursorIndex = 0
        moved()
    }

    public mutating func moveToEnd() {
        cursorLine = lines.count - 1
        cursorIndex = lines[cursorLine].count
        moved()
    }

    /// Applies an editing or moving key; returns false for keys a text area does not use (Esc,
    /// Tab, function keys…), which the caller then handles itself.
    @discardableResult
    public mutating func handle(_ key: KeyPress) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .enter: insertNewline()
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left, .control("b"): moveLeft()
        case .right, .control("f"): moveRight()
        case .up, .control("p"): moveUp()
        case .down, .control("n"): moveDown()
        case .home, .control("a"): moveLineStart()
        case .end, .control("e"): moveLineEnd()
        case .alt("b"): moveWordLeft()
        case .alt("f"): moveWordRight()
        case .alt("<"): moveToStart()
        case .alt(">"): moveToEnd()
        case .pageUp: moveUp(rows: max(1, visibleSize.height - 1))
        case .pageDown: moveDown(rows: max(1, visibleSize.height - 1))
        case .control("w"): deleteWordBackward()
        case .control("u"): deleteToLineStart()
        case .control("k"): deleteToLineEnd()
        default: return false
        }
        return true
    }

    // MARK: - Layout

    /// The cursor's display column within its logical line (before wrapping).
    public var cursorColumn: Int { width(lines[cursorLine][0..<cursorIndex]) }

    /// Where the cursor is drawn, relative to the box's top-left corner; nil when scrolled off
    /// (which editing never leaves it).
    public var cursorPosition: Point? {
        let starts = rowStarts(cursorLine)
        let cursorRow = row(of: cursorIndex, in: starts)
        guard let offset = rowsBetween(top, RowPosition(line: cursorLine, row: cursorRow), limit: visibleSize.height),
            offset < visibleSize.height
        else { return nil }
        let column = width(lines[cursorLine][starts[cursorRow]..<cursorIndex])
        return Point(x: min(column, visibleSize.width - 1), y: offset)
    }

    /// The text of each visible display row, top to bottom (at most `visibleSize.height`).
    public var visibleRows: [String] {
        var result: [String] = []
        var position = top
        while result.count < visibleSize.height, position.line < lines.count {
            let starts = rowStarts(position.line)
            let end = position.row + 1 < starts.count ? starts[position.row + 1] : lines[position.line].count
            result.append(String(lines[position.line][starts[position.row]..<end]))
            position =
                position.row + 1 < starts.count
                ? RowPosition(line: position.line, row: position.row + 1)
                : RowPosition(line: position.line + 1, row: 0)
        }
        return result
    }

    /// True when rows are hidden above or below the box, for a scroll hint.
    public var isScrolledDown: Bool { top > RowPosition(line: 0, row: 0) }
    public var hasRowsBelow: Bool {
        rowsBetween(
            top, RowPosition(line: lines.count - 1, row: rowStarts(lines.count - 1).count - 1),
            limit: visibleSize.height - 1) == nil
    }

    /// Draws the visible rows into `area` (blank-filled first) and returns the screen position
    /// for the terminal cursor. `area` should match `visibleSize`.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect, style: Style) -> Point? {
        buffer.fill(area, with: Cell(" ", style: style))
        for (offset, row) in visibleRows.enumerated() where offset < area.height {
            buffer.write(row, x: area.minX, y: area.minY + offset, style: style, maxWidth: area.width)
        }
        return cursorPosition.map { Point(x: area.minX + $0.x, y: area.minY + $0.y) }
    }

    /// Where each display row of a line starts. Rows break after the last space that fits; a
    /// word longer than the box breaks between characters; a space that overflows hangs at the
    /// end of its row instead of starting the next one.
    func rowStarts(_ lineIndex: Int) -> [Int] {
        let line = lines[lineIndex]
        let limit = visibleSize.width
        var starts = [0]
        var used = 0
        var lastBreak: Int?
        var index = 0
        while index < line.count {
            let character = line[index]
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > limit && index > starts[starts.count - 1] {
                if character == " " {
                    starts.append(index + 1)
                    used = 0
                    lastBreak = nil
                    index += 1
                    continue
                }
                let start = lastBreak ?? index
                starts.append(start)
                used = width(line[start..<index])
                lastBreak = nil
            }
            used += characterWidth
            if character == " " { lastBreak = index + 1 }
            index += 1
        }
        return starts
    }

    /// The display row holding character index `index`: a row start belongs to its row, and
    /// the end of the line to the last row.
    private func row(of index: Int, in starts: [Int]) -> Int {
        var row = 0
        while row + 1 < starts.count && starts[row + 1] <= index { row += 1 }
        return row
    }

    /// Display rows from `from` forward to `to`; nil when `to` is before `from` or more than
    /// `limit` rows on, so callers never walk further than a screen.
    private func rowsBetween(_ from: RowPosition, _ to: RowPosition, limit: Int) -> Int? {
        guard from <= to else { return nil }
        var count = 0
        var position = from
        while position < to {
            count += 1
            if count > limit { return nil }
            let rows = rowStarts(position.line).count
            position =
                position.row + 1 < rows
                ? RowPosition(line: position.line, row: position.row + 1)
                : RowPosition(line: position.line + 1, row: 0)
        }
        return count
    }

    private mutating func moveVertically(by delta: Int) {
        var starts = rowStarts(cursorLine)
        var rowIndex = row(of: cursorIndex, in: starts)
        let goal = goalColumn ?? width(lines[cursorLine][starts[rowIndex]..<cursorIndex])
        var remaining = delta
        while remaining != 0 {
            if remaining < 0 {
                if rowIndex > 0 {
                    rowIndex -= 1
                } else if cursorLine > 0 {
                    cursorLine -= 1
                    starts = rowStarts(cursorLine)
                    rowIndex = starts.count - 1
                } else {
                    cursorIndex = 0
                    goalColumn = nil
                    return scrollToCursor()
                }
                remaining += 1
            } else {
                if rowIndex + 1 < starts.count {
                    rowIndex += 1
                } else if cursorLine + 1 < lines.count {
                    cursorLine += 1
                    starts = rowStarts(cursorLine)
                    rowIndex = 0
                } else {
                    cursorIndex = lines[cursorLine].count
                    goalColumn = nil
                    return scrollToCursor()
                }
                remaining -= 1
            }
        }
        let line = lines[cursorLine]
        let rowEnd = rowIndex + 1 < starts.count ? starts[rowIndex + 1] - 1 : line.count
        var index = starts[rowIndex]
        var column = 0
        while index < rowEnd {
            let next = column + DisplayWidth.of(line[index])
            if next > goal { break }
            column = next
            index += 1
        }
        cursorIndex = index
        goalColumn = goal
        scrollToCursor()
    }

    private mutating func breakLine() {
        let rest = Array(lines[cursorLine][cursorIndex...])
        lines[cursorLine].removeSubrange(cursorIndex...)
        lines.insert(rest, at: cursorLine + 1)
        cursorLine += 1
        cursorIndex = 0
    }

    private mutating func edited() {
        goalColumn = nil
        scrollToCursor()
    }

    private mutating func moved() {
        goalColumn = nil
        scrollToCursor()
    }

    /// Keeps the cursor's row in the box, scrolling as little as possible, and pulls rows back
    /// in from above when deletions leave room at the bottom.
    private mutating func scrollToCursor() {
        top.line = min(top.line, lines.count - 1)
        top.row = min(top.row, rowStarts(top.line).count - 1)
        let cursor = RowPosition(line: cursorLine, row: row(of: cursorIndex, in: rowStarts(cursorLine)))
        let height = visibleSize.height
        if cursor < top {
            top = cursor
        } else if rowsBetween(top, cursor, limit: height - 1) == nil {
            top = cursor
            for _ in 0..<(height - 1) { top = previous(top) ?? top }
        }
        let last = RowPosition(line: lines.count - 1, row: rowStarts(lines.count - 1).count - 1)
        while let shown = rowsBetween(top, last, limit: height), shown < height - 1, let earlier = previous(top) {
            top = earlier
        }
    }

    private func previous(_ position: RowPosition) -> RowPosition? {
        if position.row > 0 { return RowPosition(line: position.line, row: position.row - 1) }
        guard position.line > 0 else { return nil }
        return RowPosition(line: position.line - 1, row: rowStarts(position.line - 1).count - 1)
    }

    private func wordStart(before index: Int) -> Int {
        let line = lines[cursorLine]
        var start = index
        while start > 0 && line[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !line[start - 1].isWhitespace { start -= 1 }
        return start
    }

    private func width(_ characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + DisplayWidth.of($1) }
    }
}
