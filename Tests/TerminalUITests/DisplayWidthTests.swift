import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of(Character("a")) == 1)
    }

    @Test func cjkAndEmojiAreTwoColumns() {
        #expect(DisplayWidth.of("障害") == 4)
        #expect(DisplayWidth.of(Character("🔥")) == 2)
        #expect(DisplayWidth.of(Character("ｱ")) == 1, "halfwidth katakana is narrow")
        #expect(DisplayWidth.of(Character("Ａ")) == 2, "fullwidth latin is wide")
        #expect(DisplayWidth.of("한국어") == 6)
    }

    @Test func emojiSequencesCountOnce() {
        #expect(DisplayWidth.of(Character("❤️")) == 2, "VS16 gives emoji presentation")
        #expect(DisplayWidth.of(Character("❤")) == 1, "text presentation stays narrow")
        #expect(DisplayWidth.of(Character("🇯🇵")) == 2, "a flag is one wide glyph")
        #expect(DisplayWidth.of(Character("👩‍💻")) == 2, "a ZWJ sequence is one wide glyph")
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
    }

    @Test func combiningMarksAndControlsTakeNoExtraColumns() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("\u{7}")) == 0)
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)
    }
}
