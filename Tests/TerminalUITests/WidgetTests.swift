import Testing

@testable import TerminalUI

@Suite struct WidgetTests {
    @Test func paneDrawsBorderTitleAndReturnsContent() {
        var buffer = ScreenBuffer(width: 12, height: 4)
        let content = Pane(title: "Incidents").render(into: &buffer, area: buffer.bounds, theme: .dark)
        #expect(content == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(buffer.lines == ["┌─ Incid… ─┐", "│          │", "│          │", "└──────────┘"])
        #expect(buffer[0, 0].style == Theme.dark[.paneBorder])
        #expect(buffer[3, 0].style == Theme.dark[.paneTitle])
    }

    @Test func focusedPaneUsesTheFocusedRolesAndGlyphs() {
        var buffer = ScreenBuffer(width: 20, height: 3)
        Pane(title: "障害", isFocused: true).render(into: &buffer, area: buffer.bounds, theme: .dark)
        #expect(buffer.lines[0] == "┏━ 障害 ━━━━━━━━━━━┓")
        #expect(buffer[0, 0].style == Theme.dark[.paneBorderFocused])
    }

    @Test func tinyPanesDrawNothingBroken() {
        var buffer = ScreenBuffer(width: 3, height: 3)
        buffer.write("xxx", x: 0, y: 0)
        let content = Pane(title: "T").render(into: &buffer, area: Rect(x: 0, y: 0, width: 1, height: 3), theme: .dark)
        #expect(content.isEmpty)
        #expect(buffer.lines[0] == " xx")
        let outside = Pane(title: "T").render(
            into: &buffer, area: Rect(x: 10, y: 10, width: 5, height: 5), theme: .dark)
        #expect(outside.isEmpty)
    }

    @Test func truncateAddsAnEllipsisByDisplayWidth() {
        #expect(Pane.truncate("障害対応", toWidth: 5) == "障害…")
        #expect(Pane.truncate("short", toWidth: 5) == "short")
        #expect(Pane.truncate("anything", toWidth: 0) == "")
    }

    @Test func listScrollsToKeepTheSelectionVisible() {
        var state = ListViewState()
        state.select(7, itemCount: 10, visibleRows: 3)
        #expect(state.offset == 5)
        state.moveSelection(by: -4, itemCount: 10, visibleRows: 3)
        #expect(state.selection == 3)
        #expect(state.offset == 3)
        state.moveSelection(by: 100, itemCount: 10, visibleRows: 3)
        #expect(state.selection == 9)
        #expect(state.offset == 7)
        state.page(-1, itemCount: 10, visibleRows: 3)
        #expect(state.selection == 7)
        state.select(nil, itemCount: 10, visibleRows: 3)
        #expect(state.selection == nil)
        state.moveSelection(by: 1, itemCount: 10, visibleRows: 3)
        #expect(state.selection == 0)
        state.select(2, itemCount: 0, visibleRows: 3)
        #expect(state.selection == nil)
        #expect(state.offset == 0)
    }

    @Test func listClampsWhenItemsShrink() {
        var state = ListViewState()
        state.select(9, itemCount: 10, visibleRows: 3)
        state.scrollToSelection(itemCount: 4, visibleRows: 3)
        #expect(state.selection == 3)
        #expect(state.offset == 1)
    }

    @Test func listRendersVisibleRowsAndHighlightsTheSelection() {
        var state = ListViewState()
        state.select(2, itemCount: 4, visibleRows: 2)
        let red = Style(foreground: .named(.red))
        let rows: [[Span]] = [[Span("zero")], [Span("one")], [Span("P0", style: red), Span(" two")], [Span("three")]]
        var buffer = ScreenBuffer(width: 8, height: 2)
        ListView(rows: rows, state: state).render(into: &buffer, area: buffer.bounds, theme: .dark)
        #expect(buffer.lines == ["one", "P0 two"])
        let selection = Theme.dark[.selection]
        #expect(buffer[0, 1].style.foreground == .named(.red), "the span keeps its colour")
        #expect(buffer[0, 1].style.background == selection.background)
        #expect(buffer[7, 1].style == selection, "the selection fills the row")
        #expect(buffer[0, 0].style == Theme.dark[.text])
        var unfocused = ScreenBuffer(width: 8, height: 2)
        ListView(rows: rows, state: state, isFocused: false).render(
            into: &unfocused, area: unfocused.bounds, theme: .dark)
        #expect(unfocused[7, 1].style == Theme.dark[.selectionUnfocused])
    }

    @Test func listRendersAWindowOfAHugeList() {
        var state = ListViewState()
        state.select(999_999, itemCount: 1_000_000, visibleRows: 3)
        #expect(state.offset == 999_997)
        let window = (999_990..<1_000_000).map { [Span("entry \($0)")] }
        let list = ListView(rows: window, state: state, firstRowIndex: 999_990, itemCount: 1_000_000)
        var buffer = ScreenBuffer(width: 14, height: 3)
        list.render(into: &buffer, area: buffer.bounds, theme: .monochrome)
        #expect(buffer.lines == ["entry 999997", "entry 999998", "entry 999999"])
        #expect(buffer[0, 2].style.attributes.contains(.reverse))
    }

    @Test func helpOverlayListsKeysAndDescriptions() {
        let overlay = HelpOverlay(sections: [
            HelpSection(
                title: "Navigation",
                entries: [
                    HelpEntry(keys: [.character("j"), .down], description: "next row"),
                    HelpEntry(keys: [.tab], description: "next pane"),
                ]),
            HelpSection(title: "Acting", entries: [HelpEntry(keys: ":", description: "command line")]),
        ])
        var buffer = ScreenBuffer(width: 30, height: 12)
        overlay.render(into: &buffer, area: buffer.bounds, theme: .dark)
        let frame = overlay.frame(in: buffer.bounds)
        #expect(frame.height == 8)
        let text = buffer.lines.joined(separator: "\n")
        #expect(text.contains("Navigation"))
        #expect(text.contains("j / ↓  next row"))
        #expect(text.contains("Tab    next pane"))
        #expect(text.contains(":      command line"))
        #expect(text.contains("Esc closes"))
        #expect(overlay.maximumScrollOffset(in: buffer.bounds) == 0)
    }

    @Test func helpOverlayWrapsAndScrollsOnSmallScreens() {
        let entries = (1...20).map { HelpEntry(keys: "k\($0)", description: "does thing number \($0) in a long way") }
        var overlay = HelpOverlay(sections: [HelpSection(title: "Keys", entries: entries)])
        let area = Rect(x: 0, y: 0, width: 24, height: 10)
        #expect(overlay.maximumScrollOffset(in: area) > 0)
        overlay.scrollOffset = overlay.maximumScrollOffset(in: area)
        var buffer = ScreenBuffer(width: 24, height: 10)
        overlay.render(into: &buffer, area: area, theme: .monochrome)
        #expect(buffer.lines.joined().contains("k20"))
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) <= 24 })
    }

    @Test func rectSplitsCoverTheWhole() {
        let rect = Rect(x: 2, y: 1, width: 10, height: 5)
        #expect(rect.columns(weights: [1, 2]).map(\.width) == [3, 7])
        #expect(rect.rows(weights: [1, 1, 1]).map(\.height) == [1, 1, 3])
        #expect(rect.splitTop(2).rest == Rect(x: 2, y: 3, width: 10, height: 3))
        #expect(rect.splitBottom(10).rest.isEmpty)
        #expect(rect.splitLeft(4).rest.x == 6)
        #expect(rect.splitRight(4).right == Rect(x: 8, y: 1, width: 4, height: 5))
        #expect(rect.inset(by: 3) == Rect(x: 5, y: 4, width: 4, height: 0))
        #expect(rect.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
        #expect(rect.contains(Point(x: 11, y: 5)))
        #expect(!rect.contains(Point(x: 12, y: 5)))
    }

    @Test func keyNamesAndControlCodes() {
        #expect(KeyPress(controlCode: 23) == .control("w"))
        #expect(KeyPress(controlCode: 13) == .enter)
        #expect(KeyPress(controlCode: 9) == .tab)
        #expect(KeyPress(controlCode: 127) == .backspace)
        #expect(KeyPress(controlCode: 65) == nil)
        #expect(KeyPress.control("w").displayName == "Ctrl-W")
        #expect(KeyPress.character(" ").displayName == "Space")
        #expect(KeyPress.function(5).displayName == "F5")
        #expect(KeyPress.backTab.displayName == "Shift-Tab")
    }

    @Test func virtualTerminalRecordsFramesAndQueuesKeys() throws {
        let terminal = VirtualTerminal(size: Size(width: 10, height: 2))
        try terminal.start()
        terminal.type("ab")
        terminal.resize(to: Size(width: 12, height: 3))
        #expect(try terminal.readKey(timeout: .zero) == .character("a"))
        #expect(try terminal.readKey(timeout: .zero) == .character("b"))
        #expect(try terminal.readKey(timeout: .zero) == .resize)
        #expect(try terminal.readKey(timeout: .zero) == nil)
        var frame = ScreenBuffer(size: terminal.size)
        try terminal.present(frame)
        frame.write("x", x: 0, y: 0)
        try terminal.present(frame, cursor: Point(x: 1, y: 0))
        #expect(terminal.changedCellCounts == [36, 1])
        #expect(terminal.screen?.lines.first == "x")
        #expect(terminal.cursor == Point(x: 1, y: 0))
    }
}
