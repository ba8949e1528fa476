import Testing

@testable import TerminalUI

@Suite struct ColorSpecTests {
    @Test func parsesNamesIndexesAndHex() {
        #expect(ColorSpec(parsing: "red") == .named(.red))
        #expect(ColorSpec(parsing: "BrightBlue") == .named(.brightBlue))
        #expect(ColorSpec(parsing: "bright-blue") == .named(.brightBlue))
        #expect(ColorSpec(parsing: "grey") == .named(.brightBlack))
        #expect(ColorSpec(parsing: "default") == .terminalDefault)
        #expect(ColorSpec(parsing: "0") == .indexed(0))
        #expect(ColorSpec(parsing: " 255 ") == .indexed(255))
        #expect(ColorSpec(parsing: "#FF8800") == .rgb(RGB(red: 255, green: 136, blue: 0)))
    }

    @Test func rejectsBadColours() {
        for bad in ["", "256", "-1", "#12345", "#12345g", "reddish", "1.5"] {
            #expect(ColorSpec(parsing: bad) == nil, "\(bad) should be rejected")
        }
    }

    @Test func exactCubeAndGreyColoursMapToThemselves() {
        #expect(ColorSpec.nearest256(to: RGB(red: 255, green: 0, blue: 0)) == 196)
        #expect(ColorSpec.nearest256(to: RGB(red: 0, green: 95, blue: 135)) == 24)
        #expect(ColorSpec.nearest256(to: RGB(red: 0x30, green: 0x30, blue: 0x30)) == 236)
        #expect(ColorSpec.nearest256(to: RGB(red: 0, green: 0, blue: 0)) == 16)
        #expect(ColorSpec.nearest256(to: RGB(red: 255, green: 255, blue: 255)) == 231)
    }

    @Test func nearColoursRoundToTheClosestEntry() {
        #expect(ColorSpec.nearest256(to: RGB(red: 250, green: 10, blue: 5)) == 196)
        #expect(ColorSpec.nearest256(to: RGB(red: 0x80, green: 0x80, blue: 0x81)) == 244, "greys prefer the grey ramp")
        #expect(ColorSpec(parsing: "#d7875f")?.paletteIndex(for: .colors256) == 173)
    }

    @Test func mapsDownTo16And8() {
        let orange = ColorSpec.rgb(RGB(red: 255, green: 140, blue: 0))
        #expect(orange.paletteIndex(for: .colors16) == 3, "orange is nearest dark yellow")
        #expect(orange.paletteIndex(for: .colors8) == 3)
        #expect(ColorSpec.indexed(196).paletteIndex(for: .colors16) == 9)
        #expect(ColorSpec.indexed(196).paletteIndex(for: .colors8) == 1)
        #expect(ColorSpec.indexed(12).paletteIndex(for: .colors16) == 12)
        #expect(ColorSpec.indexed(12).paletteIndex(for: .colors8) == 4)
        #expect(ColorSpec.named(.brightRed).paletteIndex(for: .colors8) == 1)
        #expect(ColorSpec.named(.brightBlack).paletteIndex(for: .colors8) == 7, "grey stays visible on black")
        #expect(ColorSpec.indexed(244).paletteIndex(for: .colors16) == 8)
        #expect(ColorSpec.indexed(236).paletteIndex(for: .colors8) == 0)
        #expect(ColorSpec.indexed(252).paletteIndex(for: .colors16) == 7)
    }

    @Test func namedColoursKeepTheirIndexAt16And256() {
        #expect(ColorSpec.named(.brightCyan).paletteIndex(for: .colors16) == 14)
        #expect(ColorSpec.named(.brightCyan).paletteIndex(for: .colors256) == 14)
        #expect(ColorSpec.indexed(100).paletteIndex(for: .colors256) == 100)
    }

    @Test func defaultAndMonochromeUseTheTerminalColour() {
        #expect(ColorSpec.terminalDefault.paletteIndex(for: .colors256) == nil)
        #expect(ColorSpec.named(.red).paletteIndex(for: .monochrome) == nil)
    }

    @Test func xtermPaletteAndDescriptions() {
        #expect(RGB.xterm(index: 16) == RGB(red: 0, green: 0, blue: 0))
        #expect(RGB.xterm(index: 232) == RGB(red: 8, green: 8, blue: 8))
        #expect(RGB.xterm(index: 255) == RGB(red: 238, green: 238, blue: 238))
        #expect(ColorSpec.rgb(RGB(red: 1, green: 2, blue: 255)).description == "#0102ff")
        #expect(ColorSpec.named(.brightWhite).description == "brightWhite")
        #expect(ColorDepth(colorCount: 88) == .colors16)
        #expect(ColorDepth(colorCount: 2) == .monochrome)
    }
}
