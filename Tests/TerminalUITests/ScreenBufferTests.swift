import Testing

@testable import TerminalUI

@Suite struct ScreenBufferTests {
    @Test func writeClipsAtTheRightEdge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let end = buffer.write("abcdefgh", x: 1, y: 0)
        #expect(buffer.text(row: 0) == " abcd")
        #expect(end == 5)
    }

    @Test func writeOutsideTheBufferIsIgnored() {
        var buffer = ScreenBuffer(width: 3, height: 2)
        buffer.write("xyz", x: 0, y: 5)
        buffer.write("xyz", x: 0, y: -1)
        buffer.write("xyz", x: 7, y: 0)
        #expect(buffer.lines == ["", ""])
    }

    @Test func negativeStartClipsOnTheLeft() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("abcdef", x: -2, y: 0)
        #expect(buffer.text(row: 0) == "cdef")
    }

    @Test func wideCharacterTakesTwoCellsWithContinuation() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let end = buffer.write("障害!", x: 0, y: 0)
        #expect(end == 5)
        #expect(buffer[0, 0].character == "障")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].character == "害")
        #expect(buffer[3, 0].isContinuation)
        #expect(buffer[4, 0].character == "!")
        #expect(buffer.text(row: 0) == "障害! ")
    }

    @Test func wideCharacterCutByTheRightEdgeBecomesASpace() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.write("a障害", x: 0, y: 0)
        #expect(buffer.text(row: 0) == "a障")
        var narrow = ScreenBuffer(width: 4, height: 1)
        narrow.write("ab障", x: 1, y: 0)
        #expect(narrow.text(row: 0) == " ab ")
        #expect(!narrow[3, 0].isContinuation)
    }

    @Test func wideCharacterCutByAClipRectangleBecomesASpace() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("x障", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 2, height: 1))
        #expect(buffer.text(row: 0) == "x     ")
        buffer.write("障害", x: 2, y: 0, maxWidth: 3)
        #expect(buffer.text(row: 0) == "x 障  ")
    }

    @Test func wideCharacterCutByTheLeftClipLeavesNoHalf() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("障害", x: -1, y: 0)
        #expect(buffer.text(row: 0) == " 害 ")
        #expect(!buffer[0, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.write("障害", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.text(row: 0) == " x害")
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.text(row: 0) == " xy ")
        #expect(buffer.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func wideOverWideShiftedByOneLeavesNoOrphans() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        buffer.write("障害", x: 0, y: 0)
        buffer.write("火", x: 1, y: 0)
        #expect(buffer.text(row: 0) == " 火  ")
        #expect(buffer[2, 0].isContinuation)
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func spansChainAndRespectMaxWidth() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        let red = Style(foreground: .named(.red))
        let end = buffer.write([Span("P0", style: red), Span(" 障害 down")], x: 0, y: 0, maxWidth: 7)
        #expect(buffer.text(row: 0) == "P0 障害   ")
        #expect(buffer[0, 0].style == red)
        #expect(end == 7)
    }

    @Test func fillAndApplyStyleStayInsideTheBuffer() {
        var buffer = ScreenBuffer(width: 3, height: 2)
        buffer.fill(Rect(x: 1, y: 1, width: 10, height: 10), with: Cell("#"))
        #expect(buffer.lines == ["", " ##"])
        buffer.applyStyle(Rect(x: 0, y: 0, width: 2, height: 1)) { $0.adding(.bold) }
        #expect(buffer[0, 0].style.attributes == .bold)
        #expect(buffer[2, 0].style.attributes == [])
    }

    @Test func drawCopiesAnotherBufferClipped() {
        var small = ScreenBuffer(width: 3, height: 1)
        small.write("a障", x: 0, y: 0)
        var buffer = ScreenBuffer(width: 4, height: 2)
        buffer.draw(small, at: Point(x: 2, y: 1))
        #expect(buffer.lines == ["", "  a"])
        buffer.draw(small, at: Point(x: 0, y: 0))
        #expect(buffer.lines == ["a障", "  a"])
    }

    @Test func emptyBufferIsHarmless() {
        var buffer = ScreenBuffer(width: 0, height: 0)
        buffer.write("text", x: 0, y: 0)
        buffer.fill(Rect(x: 0, y: 0, width: 5, height: 5))
        #expect(buffer.lines.isEmpty)
        #expect(buffer.changes(from: nil).isEmpty)
    }
}
