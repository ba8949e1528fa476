import Testing

@testable import TerminalUI

@Suite struct TextAreaTests {
    func area(_ text: String = "", width: Int = 20, height: Int = 5) -> TextArea {
        TextArea(text: text, visibleSize: Size(width: width, height: height))
    }

    func press(_ area: inout TextArea, _ keys: KeyPress...) {
        for key in keys { area.handle(key) }
    }

    @Test func enterSplitsLinesAndBackspaceJoinsThem() {
        var notes = area()
        for character in "first second" { notes.handle(.character(character)) }
        for _ in 0..<6 { notes.moveLeft() }
        notes.handle(.enter)
        #expect(notes.text == "first \nsecond")
        #expect(notes.cursorLine == 1 && notes.cursorIndex == 0)
        notes.handle(.backspace)
        #expect(notes.text == "first second")
        #expect(notes.cursorLine == 0 && notes.cursorIndex == 6)
    }

    @Test func deleteAtTheEndOfALineJoinsTheNext() {
        var notes = area("one\ntwo")
        notes.moveToStart()
        notes.moveLineEnd()
        notes.handle(.delete)
        #expect(notes.text == "onetwo")
        notes.handle(.delete)
        #expect(notes.text == "onewo")
        notes.moveToEnd()
        notes.handle(.delete)
        #expect(notes.text == "onewo", "delete at the very end does nothing")
    }

    @Test func arrowsCrossLineEnds() {
        var notes = area("ab\ncd")
        notes.moveToStart()
        press(&notes, .right, .right, .right)
        #expect(notes.cursorLine == 1 && notes.cursorIndex == 0)
        press(&notes, .left)
        #expect(notes.cursorLine == 0 && notes.cursorIndex == 2)
        notes.moveToStart()
        press(&notes, .left, .backspace)
        #expect(notes.text == "ab\ncd" && notes.cursorIndex == 0, "nothing before the start")
    }

    @Test func upAndDownKeepTheColumnAcrossShortLines() {
        var notes = area("a long first line\nab\nanother long line")
        notes.moveToStart()
        for _ in 0..<10 { notes.moveRight() }
        notes.handle(.down)
        #expect(notes.cursorLine == 1 && notes.cursorIndex == 2, "clamped to the short line")
        notes.handle(.down)
        #expect(notes.cursorLine == 2 && notes.cursorIndex == 10, "back to the remembered column")
        notes.handle(.up)
        notes.handle(.up)
        #expect(notes.cursorLine == 0 && notes.cursorIndex == 10)
        notes.handle(.up)
        #expect(notes.cursorIndex == 0, "up on the first row goes to the start")
    }

    @Test func homeEndAndControlKeys() {
        var notes = area("hello world\nsecond")
        notes.moveToStart()
        press(&notes, .control("e"))
        #expect(notes.cursorIndex == 11)
        press(&notes, .control("a"))
        #expect(notes.cursorIndex == 0)
        press(&notes, .end, .alt("b"))
        #expect(notes.cursorIndex == 6)
        press(&notes, .alt("b"), .alt("f"))
        #expect(notes.cursorIndex == 5)
        press(&notes, .control("k"))
        #expect(notes.text == "hello\nsecond")
        press(&notes, .control("k"))
        #expect(notes.text == "hellosecond", "Ctrl-K at the end of a line joins the next")
        press(&notes, .control("w"))
        #expect(notes.text == "second")
        #expect(!notes.handle(.escape) && !notes.handle(.tab), "the caller handles Esc and Tab")
    }

    @Test func wideCharactersTakeTwoColumnsAndDeleteAsOne() {
        var notes = area("障害 ok", width: 20)
        #expect(notes.cursorColumn == 7)
        notes.moveLineStart()
        notes.moveRight()
        #expect(notes.cursorColumn == 2)
        #expect(notes.cursorPosition == Point(x: 2, y: 0))
        notes.handle(.backspace)
        #expect(notes.text == "害 ok")
        notes.insert("e\u{301}")
        #expect(notes.line(0) == "é害 ok" && notes.cursorColumn == 1)
        notes.insert("\u{301}")
        #expect(Array(notes.line(0)).count == 5, "a lone combining mark joins the character before it")
    }

    @Test func longLinesWrapAtSpacesAndWideCharactersNeverSplit() {
        let notes = area("the quick brown fox jumps", width: 10)
        #expect(notes.visibleRows == ["the quick ", "brown fox ", "jumps"])
        let wide = area("障害障害障害", width: 5)
        #expect(wide.visibleRows == ["障害", "障害", "障害"])
        let word = area("abcdefghijklmnop", width: 6)
        #expect(word.visibleRows == ["abcdef", "ghijkl", "mnop"])
    }

    @Test func cursorFollowsWrappedRows() {
        var notes = area("the quick brown fox", width: 10)
        #expect(notes.cursorPosition == Point(x: 9, y: 1))
        notes.handle(.up)
        #expect(notes.cursorLine == 0 && notes.cursorIndex == 9)
        #expect(notes.cursorPosition == Point(x: 9, y: 0))
        notes.handle(.home)
        #expect(notes.cursorIndex == 0)
        notes.handle(.end)
        notes.handle(.home)
        #expect(notes.cursorIndex == 10, "Home goes to the start of the display row first")
        notes.handle(.home)
        #expect(notes.cursorIndex == 0, "then to the start of the line")
    }

    @Test func scrollsToKeepTheCursorInTheBox() {
        var notes = area(width: 20, height: 3)
        for number in 1...6 {
            notes.insert("line \(number)")
            if number < 6 { notes.insertNewline() }
        }
        #expect(notes.visibleRows == ["line 4", "line 5", "line 6"])
        #expect(notes.cursorPosition == Point(x: 6, y: 2))
        #expect(notes.isScrolledDown && !notes.hasRowsBelow)
        notes.moveToStart()
        #expect(notes.visibleRows == ["line 1", "line 2", "line 3"])
        #expect(notes.cursorPosition == Point(x: 0, y: 0))
        #expect(notes.hasRowsBelow)
        notes.handle(.pageDown)
        #expect(notes.cursorLine == 2)
        notes.handle(.pageDown)
        #expect(notes.cursorLine == 4)
        #expect(notes.visibleRows == ["line 3", "line 4", "line 5"])
    }

    @Test func deletingPullsRowsBackIntoView() {
        var notes = area("1\n2\n3\n4\n5", width: 10, height: 3)
        #expect(notes.visibleRows == ["3", "4", "5"])
        notes.handle(.backspace)
        notes.handle(.backspace)
        #expect(notes.visibleRows == ["2", "3", "4"])
        #expect(notes.cursorPosition == Point(x: 1, y: 2))
    }

    @Test func pastedTextKeepsItsLines() {
        var notes = area(width: 30)
        notes.insert("checkout-db-2:\r\n\tpool 200/200\rlag 3s\n")
        #expect(notes.text == "checkout-db-2:\n    pool 200/200\nlag 3s\n")
        #expect(notes.lineCount == 4)
        #expect(notes.cursorLine == 3 && notes.cursorIndex == 0)
        notes.insert("bell\u{07}ok")
        #expect(notes.line(3) == "bellok", "control characters are dropped")
    }

    @Test func resizingRewrapsAndKeepsTheCursorVisible() {
        var notes = area("one two three four five six seven", width: 40, height: 2)
        #expect(notes.visibleRows.count == 1)
        notes.visibleSize = Size(width: 8, height: 2)
        #expect(notes.cursorPosition != nil)
        #expect(notes.visibleRows.last == "seven")
    }

    @Test func rendersIntoTheBufferAndReturnsTheCursor() {
        var buffer = ScreenBuffer(width: 12, height: 4)
        let notes = area("障害 here\nnext", width: 10, height: 3)
        let cursor = notes.render(into: &buffer, area: Rect(x: 1, y: 1, width: 10, height: 3), style: .plain)
        #expect(buffer.lines == ["", " 障害 here", " next", ""])
        #expect(cursor == Point(x: 5, y: 2))
    }

    @Test func hasContentIgnoresBlankLines() {
        #expect(!area(" \n\n  ").hasContent)
        #expect(area("\n x").hasContent)
        #expect(area().isEmpty)
    }
}
