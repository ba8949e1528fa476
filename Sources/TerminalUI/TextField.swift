/// A single-line text input: editing, cursor movement and horizontal scrolling, measured in
/// display columns so 障害 and emoji edit and scroll correctly.
///
/// A plain value kept in console state; `handle(_:)` gives the usual readline keys, and
/// `render(into:at:width:style:)` returns where the terminal cursor belongs.
public struct TextField: Hashable, Sendable {
    private var characters: [Character]
    /// Cursor position as a character index, 0...count.
    public private(set) var cursor: Int
    /// The first character shown; moves only as far as needed to keep the cursor visible.
    public private(set) var firstVisible: Int
    /// Columns available on screen; set it when the layout changes.
    public var visibleWidth: Int {
        didSet { scrollToCursor() }
    }

    public init(text: String = "", visibleWidth: Int = 80) {
        self.characters = TextField.sanitized(text)
        self.cursor = characters.count
        self.firstVisible = 0
        self.visibleWidth = max(1, visibleWidth)
        scrollToCursor()
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Replaces the whole text and puts the cursor at the end.
    public mutating func setText(_ text: String) {
        characters = TextField.sanitized(text)
        cursor = characters.count
        firstVisible = 0
        scrollToCursor()
    }

    /// Inserts at the cursor. A combining mark or other extender typed on its own (input
    /// arrives one scalar at a time) joins the character before it, as it does on screen.
    public mutating func insert(_ text: String) {
        for character in TextField.sanitized(text) {
            if cursor > 0 {
                let joined = String(characters[cursor - 1]) + String(character)
                if joined.count == 1, let merged = joined.first {
                    characters[cursor - 1] = merged
                    continue
                }
            }
            characters.insert(character, at: cursor)
            cursor += 1
        }
        scrollToCursor()
    }

    public mutating func insert(_ character: Character) {
        insert(String(character))
    }

    /// Backspace: removes the character before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        scrollToCursor()
    }

    /// Delete: removes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        scrollToCursor()
    }

    /// Ctrl-W: removes the spaces before the cursor, then the word before them.
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
        scrollToCursor()
    }

    /// Ctrl-U: removes everything before the cursor.
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
        scrollToCursor()
    }

    /// Ctrl-K: removes everything from the cursor on.
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor..<characters.count)
        scrollToCursor()
    }

    public mutating func moveLeft() {
        cursor = max(0, cursor - 1)
        scrollToCursor()
    }

    public mutating func moveRight() {
        cursor = min(characters.count, cursor + 1)
        scrollToCursor()
    }

    public mutating func moveHome() {
        cursor = 0
        scrollToCursor()
    }

    public mutating func moveEnd() {
        cursor = characters.count
        scrollToCursor()
    }

    public mutating func moveWordLeft() {
        cursor = wordStart(before: cursor)
        scrollToCursor()
    }

    public mutating func moveWordRight() {
        var index = cursor
        while index < characters.count && characters[index].isWhitespace { index += 1 }
        while index < characters.count && !characters[index].isWhitespace { index += 1 }
        cursor = index
        scrollToCursor()
    }

    /// Applies an editing key; returns false for keys a text field does not use (Enter, Esc,
    /// Tab…), which the caller then handles itself.
    @discardableResult
    public mutating func handle(_ key: KeyPress) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .backspace: deleteBackward()
        case .delete, .control("d"): deleteForward()
        case .left, .control("b"): moveLeft()
        case .right, .control("f"): moveRight()
        case .home, .control("a"): moveHome()
        case .end, .control("e"): moveEnd()
        case .control("w"): deleteWordBackward()
        case .control("u"): deleteToStart()
        case .control("k"): deleteToEnd()
        case .alt("b"): moveWordLeft()
        case .alt("f"): moveWordRight()
        default: return false
        }
        return true
    }

    /// The visible slice of text and the cursor's column within it.
    public var visible: (text: String, cursorColumn: Int) {
        var shown = ""
        var used = 0
        var cursorColumn = 0
        var index = firstVisible
        while index < characters.count {
            let characterWidth = DisplayWidth.of(characters[index])
            if used + characterWidth > visibleWidth { break }
            if index == cursor { cursorColumn = used }
            shown.append(characters[index])
            used += characterWidth
            index += 1
        }
        if cursor >= index { cursorColumn = used }
        return (shown, min(cursorColumn, max(0, visibleWidth - 1)))
    }

    /// Draws the visible text at `origin` over `visibleWidth` columns (blank-padded) and
    /// returns the screen position for the terminal cursor.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, at origin: Point, style: Style) -> Point {
        let (shown, cursorColumn) = visible
        buffer.fill(Rect(x: origin.x, y: origin.y, width: visibleWidth, height: 1), with: Cell(" ", style: style))
        buffer.write(shown, x: origin.x, y: origin.y, style: style, maxWidth: visibleWidth)
        return Point(x: origin.x + cursorColumn, y: origin.y)
    }

    private func wordStart(before index: Int) -> Int {
        var start = index
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        return start
    }

    private func width(_ range: Range<Int>) -> Int {
        characters[range].reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// Keeps the cursor cell on screen, scrolling as little as possible, and pulls text back
    /// in from the left when deletions leave room on the right.
    private mutating func scrollToCursor() {
        if cursor < firstVisible { firstVisible = cursor }
        let cursorCellWidth = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
        while firstVisible < cursor && width(firstVisible..<cursor) + cursorCellWidth > visibleWidth {
            firstVisible += 1
        }
        let trailing = cursor == characters.count ? 1 : 0
        while firstVisible > 0
            && width((firstVisible - 1)..<characters.count) + trailing <= visibleWidth
        {
            firstVisible -= 1
        }
    }

    /// Newlines and tabs become spaces and other control characters are dropped, so pasted
    /// text cannot break the single-line layout.
    private static func sanitized(_ text: String) -> [Character] {
        text.compactMap { character in
            if character == "\n" || character == "\r\n" || character == "\r" || character == "\t" { return " " }
            if character.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) ?? true { return nil }
            return character
        }
    }
}
