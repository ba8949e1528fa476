import Foundation
import TerminalUI
import Testing

@testable import Console
@testable import IncidentCore

@Suite struct HandoffScreenTests: ConsoleKeyDriving {
    static let report = HandoffReport(
        generatedAt: ConsoleSamples.now, from: "alice", to: "", notes: "", transfersCommand: false,
        incidents: [
            HandoffReport.OpenIncident(
                key: "INC-20251104-001", title: "Checkout API returning 500s", severity: "P1",
                status: "investigating", drill: false, declaredAt: ConsoleSamples.time("2025-11-04T10:00:00Z"),
                commander: "dana", lastUpdateAt: ConsoleSamples.time("2025-11-04T10:31:00Z"),
                recentEntries: [
                    HandoffReport.Entry(
                        time: ConsoleSamples.time("2025-11-04T10:12:00Z"), author: "dana", kind: "severity",
                        text: "Severity P2 → P1: EU and US customers affected"),
                    HandoffReport.Entry(
                        time: ConsoleSamples.time("2025-11-04T10:20:00Z"), author: "dana", kind: "decision",
                        text: "Roll back deploy 4512 rather than raise the pool limit."),
                    HandoffReport.Entry(
                        time: ConsoleSamples.time("2025-11-04T10:31:00Z"), author: "omar", kind: "note",
                        text: "障害 resolved on canary hosts; error rate under 1%."),
                ]),
            HandoffReport.OpenIncident(
                key: "INC-20251104-002", title: "Search results slow for some users in eu-west", severity: "P3",
                status: "detected", drill: false, declaredAt: ConsoleSamples.time("2025-11-04T10:25:00Z"),
                commander: nil, lastUpdateAt: ConsoleSamples.time("2025-11-04T10:25:00Z"), recentEntries: []),
        ],
        actionItems: [
            HandoffReport.OpenAction(
                id: 2, incident: "INC-20251104-001", title: "Page the DBA on call", owner: "lee", due: "2025-11-03",
                priority: "high", overdue: true),
            HandoffReport.OpenAction(
                id: 1, incident: "INC-20251104-001", title: "Add a canary stage", owner: "omar", due: "2025-11-20",
                priority: "medium", overdue: false),
        ],
        failingChecks: [
            HandoffReport.FailingCheck(
                check: "shop/payments-api", downSince: ConsoleSamples.time("2025-11-04T10:44:00Z"),
                lastSampleAt: ConsoleSamples.time("2025-11-04T10:49:30Z"), latencyMilliseconds: 512,
                error: "HTTP 503")
        ],
        runbookRuns: [
            HandoffReport.RunningRunbook(
                id: 1, incident: "INC-20251104-001", title: "Checkout rollback", path: "Runbooks/checkout.md",
                startedBy: "dana", startedAt: ConsoleSamples.time("2025-11-04T10:22:00Z"), stepsRecorded: 3)
        ])

    func screen(_ state: ConsoleState) throws -> HandoffScreen {
        guard case .handoff(let screen) = state.mode else { throw CancellationError() }
        return screen
    }

    /// The screen opened with the report loaded, a recipient and two lines of notes.
    func filledIn() -> ConsoleState {
        var state = state()
        press(&state, .character("H"))
        _ = ConsoleReducer.apply(&state, .handoff(.previewLoaded(Self.report)))
        type(&state, "bob")
        press(&state, .tab, .tab)
        type(&state, "Watch checkout-db-2 connections")
        press(&state, .enter)
        type(&state, "障害 on canary is gone")
        return state
    }

    @Test func openingAsksForThePreview() throws {
        var state = state()
        let effects = press(&state, .character("H"))
        #expect(effects == [.handoff(.preview(HandoffRequest(to: "", notes: "")))])
        #expect(try screen(state).focus == .recipient)
    }

    @Test func submitSendsRecipientNotesAndTransfer() throws {
        var state = filledIn()
        press(&state, .control("t"))
        #expect(try screen(state).transfersCommand)
        let effects = press(&state, .control("d"))
        #expect(
            effects == [
                .handoff(
                    .submit(
                        HandoffRequest(
                            to: "bob", notes: "Watch checkout-db-2 connections\n障害 on canary is gone",
                            transfersCommand: true)))
            ])
        #expect(try screen(state).isSubmitting)
        #expect(press(&state, .control("d")).isEmpty, "a second Ctrl-D while recording does nothing")
    }

    @Test func recordedHandoffClosesTheScreenAndReloads() throws {
        var state = filledIn()
        press(&state, .control("d"))
        let handoff = Handoff(
            id: 7, from: "alice", to: "bob", createdAt: ConsoleSamples.now, notes: "n", transfersCommand: false,
            report: Self.report, acknowledgedAt: nil, acknowledgedBy: nil)
        let effects = ConsoleReducer.apply(&state, .handoff(.submitted(handoff)))
        #expect(state.mode == .normal)
        #expect(state.notice?.text.contains("Handoff #7 to bob recorded") == true)
        #expect(effects.contains(.loadIncidents(includeInactive: false)))
    }

    @Test func refusalsStayOnTheScreenWithTheNotes() throws {
        var state = filledIn()
        press(&state, .control("d"))
        _ = ConsoleReducer.apply(&state, .handoff(.refused("bob is not on call")))
        let screen = try screen(state)
        #expect(screen.error == "bob is not on call")
        #expect(!screen.isSubmitting)
        #expect(screen.notes.lineCount == 2)
    }

    @Test func sameValidationAsTheCLI() throws {
        var state = state()
        press(&state, .character("H"))
        #expect(press(&state, .control("d")).isEmpty)
        #expect(try screen(state).error?.contains("Who takes over?") == true)
        type(&state, "alice")
        #expect(press(&state, .control("d")).isEmpty)
        #expect(try screen(state).error == "alice cannot hand over to themselves; nothing was written")
        type(&state, "x")
        #expect(try screen(state).error == nil, "the message goes once the user edits")
    }

    @Test func escapeAsksBeforeDiscardingNotes() throws {
        var state = filledIn()
        press(&state, .escape)
        #expect(try screen(state).confirmingDiscard)
        press(&state, .character("n"))
        #expect(try !screen(state).confirmingDiscard)
        #expect(try screen(state).notes.lineCount == 2, "any other key keeps the notes")
        press(&state, .escape, .character("y"))
        #expect(state.mode == .normal)

        var empty = self.state()
        press(&empty, .character("H"), .escape)
        #expect(empty.mode == .normal, "nothing typed: Esc closes at once")
    }

    @Test func tabCompletesKnownPeopleThenMovesOn() throws {
        var state = state()
        press(&state, .character("H"))
        _ = ConsoleReducer.apply(&state, .handoff(.previewLoaded(Self.report)))
        #expect(try screen(state).people == ["dana", "lee", "omar"])
        type(&state, "o")
        press(&state, .tab)
        #expect(try screen(state).recipient.text == "omar")
        #expect(try screen(state).focus == .recipient)
        press(&state, .tab)
        #expect(try screen(state).focus == .transfer)
        press(&state, .character(" "))
        #expect(try screen(state).transfersCommand)
        press(&state, .tab, .tab)
        #expect(try screen(state).focus == .recipient, "Tab cycles")
        press(&state, .backTab)
        #expect(try screen(state).focus == .notes)
    }

    @Test func pagingTheReportStopsAtItsEnd() throws {
        var state = ConsoleSamples.loadedState(size: Size(width: 80, height: 24))
        press(&state, .character("H"))
        _ = ConsoleReducer.apply(&state, .handoff(.previewLoaded(Self.report)))
        press(&state, .pageDown, .pageDown, .pageDown, .pageDown)
        let scrolled = try screen(state).previewScroll
        #expect(scrolled > 0)
        press(&state, .pageDown)
        #expect(try screen(state).previewScroll == scrolled, "no further than the last page")
        press(&state, .pageUp, .pageUp, .pageUp, .pageUp)
        #expect(try screen(state).previewScroll == 0)
    }

    @Test func storeChangesRefreshThePreview() throws {
        var state = filledIn()
        let effects = ConsoleReducer.apply(&state, .storeChanged)
        #expect(effects.contains(.handoff(.preview(try screen(state).request))))
    }

    @Test func resizeResizesTheEditor() throws {
        var state = filledIn()
        _ = ConsoleReducer.apply(&state, .resized(Size(width: 80, height: 24)))
        #expect(
            try screen(state).notes.visibleSize == HandoffScreenLayout(size: Size(width: 80, height: 24)).notesText.size
        )
    }

    @Test func handoffScreenAt120x40() throws {
        var state = filledIn()
        press(&state, .control("t"))
        let frame = ConsoleView.render(state, theme: .dark)
        try GoldenScreen.check(frame.buffer, named: "handoff-120x40")
        let layout = HandoffScreenLayout(size: state.size)
        #expect(frame.cursor == Point(x: layout.notesText.minX + 22, y: layout.notesText.minY + 1))
    }

    @Test func handoffScreenAt80x24WithAnError() throws {
        var state = ConsoleSamples.loadedState(size: Size(width: 80, height: 24))
        press(&state, .character("H"))
        _ = ConsoleReducer.apply(&state, .handoff(.previewLoaded(Self.report)))
        type(&state, "alice")
        press(&state, .control("d"))
        try GoldenScreen.check(ConsoleView.render(state, theme: .dark).buffer, named: "handoff-error-80x24")
    }

    @Test func handoffLogShowsTheListAndThePendingReport() throws {
        var state = state()
        #expect(press(&state, .character("L")) == [.handoff(.loadLog)])
        let pending = Handoff(
            id: 2, from: "dana", to: "alice", createdAt: ConsoleSamples.now, notes: "Watch the pool",
            transfersCommand: false, report: Self.report, acknowledgedAt: nil, acknowledgedBy: nil)
        _ = ConsoleReducer.apply(&state, .handoff(.logLoaded([pending])))
        let text = ConsoleView.render(state, theme: .dark).buffer.lines.joined(separator: "\n")
        #expect(text.contains("Handoff log"))
        #expect(text.contains("#2"))
        #expect(text.contains("Shift handoff #2: dana → alice"))
        press(&state, .character("j"))
        #expect(press(&state, .character("K")) == [.perform(.acknowledgeHandoff)])
        #expect(state.mode == .normal)
    }
}
