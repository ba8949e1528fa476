import Testing

@testable import TerminalUI

@Suite struct WordWrapTests {
    @Test func wrapsAtSpaces() {
        #expect(WordWrap.lines("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func longWordsBreakBetweenCharacters() {
        #expect(WordWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(WordWrap.lines("see https://example.com/x", width: 8) == ["see", "https://", "example.", "com/x"])
    }

    @Test func wrapsByDisplayWidthForWideCharacters() {
        let lines = WordWrap.lines("障害が発生しました", width: 7)
        #expect(lines == ["障害が", "発生し", "ました"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 7 })
        #expect(WordWrap.lines("db 障害 now", width: 6) == ["db", "障害", "now"])
    }

    @Test func keepsNewlinesBlankLinesAndIndentation() {
        #expect(WordWrap.lines("one\n\n  two three", width: 20) == ["one", "", "  two three"])
        #expect(WordWrap.lines("a\tb", width: 20) == ["a    b"])
    }

    @Test func exactFitAndDegenerateWidths() {
        #expect(WordWrap.lines("abc def", width: 7) == ["abc def"])
        #expect(WordWrap.lines("", width: 5) == [""])
        #expect(WordWrap.lines("text", width: 0).isEmpty)
        #expect(WordWrap.lines("障", width: 1) == ["障"], "a character wider than the line still gets a line")
    }

    @Test func paragraphRendersWrappedAndScrolled() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        let paragraph = Paragraph("one two three four", scrollOffset: 1)
        #expect(paragraph.lineCount(width: 6) == 4)
        paragraph.render(into: &buffer, area: buffer.bounds)
        #expect(buffer.lines == ["two", "three"])
    }
}
