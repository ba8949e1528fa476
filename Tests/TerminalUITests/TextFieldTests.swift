import Testing

@testable import TerminalUI

@Suite struct TextFieldTests {
    @Test func insertsAtTheCursorAndMoves() {
        var field = TextField(visibleWidth: 20)
        field.insert("hllo")
        field.moveHome()
        field.moveRight()
        field.insert("e")
        #expect(field.text == "hello")
        #expect(field.cursor == 2)
        field.moveEnd()
        field.insert(" 障害")
        #expect(field.text == "hello 障害")
        #expect(field.cursor == 8)
    }

    @Test func deletesBackwardAndForward() {
        var field = TextField(text: "abc", visibleWidth: 10)
        field.deleteBackward()
        #expect(field.text == "ab")
        field.moveHome()
        field.deleteForward()
        #expect(field.text == "b")
        field.deleteBackward()
        #expect(field.text == "b", "backspace at the start does nothing")
        field.moveEnd()
        field.deleteForward()
        #expect(field.text == "b", "delete at the end does nothing")
    }

    @Test func wideCharactersDeleteAsOneCharacter() {
        var field = TextField(text: "障害🔥", visibleWidth: 10)
        field.deleteBackward()
        #expect(field.text == "障害")
        field.moveLeft()
        field.deleteBackward()
        #expect(field.text == "害")
    }

    @Test func controlWDeletesTheWordBeforeTheCursor() {
        var field = TextField(text: "status  mitigated  ", visibleWidth: 40)
        let handled = field.handle(.control("w"))
        #expect(handled)
        #expect(field.text == "status  ")
        field.handle(.control("w"))
        #expect(field.text == "")
        field.insert("note 障害 対応")
        field.handle(.control("w"))
        #expect(field.text == "note 障害 ")
    }

    @Test func readlineKeys() {
        var field = TextField(text: "one two three", visibleWidth: 40)
        field.handle(.control("a"))
        #expect(field.cursor == 0)
        field.handle(.alt("f"))
        #expect(field.cursor == 3)
        field.handle(.control("k"))
        #expect(field.text == "one")
        field.handle(.control("e"))
        field.handle(.alt("b"))
        #expect(field.cursor == 0)
        field.moveEnd()
        field.handle(.control("u"))
        #expect(field.text.isEmpty)
        let enterHandled = field.handle(.enter)
        let escapeHandled = field.handle(.escape)
        #expect(!enterHandled, "Enter is left to the caller")
        #expect(!escapeHandled)
    }

    @Test func pastedNewlinesAndControlsAreCleaned() {
        var field = TextField(visibleWidth: 40)
        field.insert("a\nb\u{7}c\td")
        #expect(field.text == "a bc d")
    }

    @Test func combiningMarksJoinThePreviousCharacter() {
        var field = TextField(visibleWidth: 10)
        field.handle(.character("e"))
        field.handle(.character("\u{301}"))
        #expect(field.text == "e\u{301}")
        #expect(field.cursor == 1)
        field.deleteBackward()
        #expect(field.text.isEmpty)
    }

    @Test func scrollsHorizontallyToKeepTheCursorVisible() {
        var field = TextField(visibleWidth: 5)
        field.insert("abcdefgh")
        var view = field.visible
        #expect(view.text == "efgh")
        #expect(view.cursorColumn == 4)
        field.moveHome()
        view = field.visible
        #expect(view.text == "abcde")
        #expect(view.cursorColumn == 0)
        field.moveEnd()
        field.moveLeft()
        view = field.visible
        #expect(view.text.hasSuffix("h"))
        #expect(DisplayWidth.of(view.text) <= 5)
    }

    @Test func scrollingNeverSplitsAWideCharacter() {
        var field = TextField(visibleWidth: 5)
        field.insert("障害対応中")
        let view = field.visible
        #expect(view.text == "応中")
        #expect(view.cursorColumn == 4)
        var buffer = ScreenBuffer(width: 7, height: 1)
        let cursor = field.render(into: &buffer, at: Point(x: 1, y: 0), style: .plain)
        #expect(buffer.text(row: 0) == " 応中  ")
        #expect(cursor == Point(x: 5, y: 0))
    }

    @Test func deletingPullsTextBackIntoView() {
        var field = TextField(text: "abcdefgh", visibleWidth: 5)
        field.deleteBackward()
        field.deleteBackward()
        field.deleteBackward()
        #expect(field.text == "abcde")
        #expect(field.visible.text == "bcde", "the cursor after the last character needs a column")
        #expect(field.firstVisible == 1)
    }

    @Test func resizingKeepsTheCursorVisible() {
        var field = TextField(text: "abcdefghij", visibleWidth: 20)
        field.visibleWidth = 4
        #expect(field.visible.text == "hij")
        #expect(field.visible.cursorColumn == 3)
    }
}
