import Foundation
import IncidentCore
import TerminalUI
import Testing

@testable import Console

@Suite struct ConsoleScreenTests {
    @Test(arguments: [(120, 40), (80, 24)])
    func overview(width: Int, height: Int) throws {
        let state = ConsoleSamples.loadedState(size: Size(width: width, height: height))
        let frame = ConsoleView.render(state, theme: .dark)
        try GoldenScreen.check(frame.buffer, named: "overview-\(width)x\(height)")
    }

    @Test func helpOverlay() throws {
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        _ = ConsoleReducer.apply(&state, .key(.character("?")))
        try GoldenScreen.check(ConsoleView.render(state, theme: .dark).buffer, named: "help-120x40")
    }

    @Test func typingANoteWithWideCharacters() throws {
        var state = ConsoleSamples.loadedState(size: Size(width: 80, height: 24))
        _ = ConsoleReducer.apply(&state, .key(.character("n")))
        for character in "DB 障害 on checkout-db-2" { _ = ConsoleReducer.apply(&state, .key(.character(character))) }
        let frame = ConsoleView.render(state, theme: .dark)
        try GoldenScreen.check(frame.buffer, named: "note-prompt-80x24")
        #expect(frame.cursor == Point(x: 6 + 24, y: 23))
    }

    @Test(arguments: [(1, 1), (10, 5), (49, 30), (120, 11), (0, 0)])
    func tinyTerminalsSayTooSmall(width: Int, height: Int) {
        let state = ConsoleSamples.loadedState(size: Size(width: width, height: height))
        let frame = ConsoleView.render(state, theme: .dark)
        #expect(frame.buffer.size == Size(width: width, height: height))
        if width >= 18, height >= 2 {
            #expect(frame.buffer.lines.joined().contains("Terminal too small"))
        }
    }

    @Test func monochromeKeepsSeverityAndSelectionVisible() {
        let state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        let buffer = ConsoleView.render(state, theme: .monochrome).buffer
        let incidents = state.layout.incidents
        let selectedRow = incidents.minY + 2
        let selected = buffer[incidents.minX + 5, selectedRow]
        let other = buffer[incidents.minX + 5, selectedRow + 1]
        #expect(selected.style.attributes != other.style.attributes)
    }

    @Test func longTimelineShowsOnlyTheNewestRows() {
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        let many = (1...500).map {
            ConsoleSamples.entry($0, "2025-11-04T10:00:00Z", "bot", .note, "entry number \($0)")
        }
        _ = ConsoleReducer.apply(
            &state,
            .timelineLoaded(
                TimelinePage(key: "INC-20251104-001", request: .tail(limit: 500), totalCount: 1_000_000, entries: many))
        )
        let text = ConsoleView.render(state, theme: .dark).buffer.lines.joined(separator: "\n")
        #expect(text.contains("entry number 500"))
        #expect(!text.contains("entry number 400 "))
        #expect(text.contains("1000000 entries"))
    }
}
