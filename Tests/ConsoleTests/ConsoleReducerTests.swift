import Foundation
import IncidentCore
import TerminalUI
import Testing

@testable import Console

@Suite struct ConsoleReducerTests: ConsoleKeyDriving {
    @Test func startLoadsOpenIncidents() {
        var state = ConsoleState(
            size: Size(width: 80, height: 24), now: ConsoleSamples.now, user: "a", databasePath: "x")
        #expect(ConsoleReducer.start(&state) == [.loadIncidents(includeInactive: false), .runbook(.loadLibrary)])
    }

    @Test func aStoreThatStopsAnsweringIsShownAndItsReturnRereadsEverything() {
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 30))
        let shown = state.incidents
        #expect(ConsoleReducer.apply(&state, .storeConnection("db.internal:5432: cannot reach the server")) == [])
        #expect(state.incidents == shown)
        let screen = ConsoleView.render(state, theme: .dark).buffer.lines[0]
        #expect(screen.contains("store unreachable: showing last read; writes refused"))
        let effects = ConsoleReducer.apply(&state, .storeConnection(nil))
        #expect(state.storeProblem == nil)
        #expect(effects.first == .loadIncidents(includeInactive: false))
        #expect(!ConsoleView.render(state, theme: .dark).buffer.lines[0].contains("unreachable"))
        #expect(ConsoleReducer.apply(&state, .storeConnection(nil)) == [])
    }

    @Test func firstLoadSelectsTheTopIncidentAndReadsItsTimeline() {
        var state = ConsoleState(
            size: Size(width: 80, height: 24), now: ConsoleSamples.now, user: "a", databasePath: "x")
        let effects = ConsoleReducer.apply(&state, .incidentsLoaded(ConsoleSamples.incidents))
        #expect(state.selectedIncident?.incident.key == "INC-20251104-001")
        #expect(
            effects == [
                .loadTimeline(key: "INC-20251104-001", request: .tail(limit: ConsoleReducer.pageSize)),
                .loadContext(key: "INC-20251104-001"),
            ])
    }

    @Test func movingTheSelectionReadsTheOtherTimeline() {
        var state = state()
        let effects = press(&state, .character("j"))
        #expect(state.selectedIncident?.incident.key == "INC-20251104-002")
        #expect(
            effects == [
                .loadTimeline(key: "INC-20251104-002", request: .tail(limit: ConsoleReducer.pageSize)),
                .loadContext(key: "INC-20251104-002"),
            ])
        #expect(state.timeline.entries.isEmpty)
        #expect(
            press(&state, .up).first
                == .loadTimeline(key: "INC-20251104-001", request: .tail(limit: ConsoleReducer.pageSize)))
    }

    @Test func tabVisitsOnlyVisiblePanes() {
        var wide = state()
        var visited: [ConsolePane] = []
        for _ in 0..<4 {
            press(&wide, .tab)
            visited.append(wide.focus)
        }
        #expect(visited == [.timeline, .runbook, .health, .incidents])
        var small = state(80, 24)
        press(&small, .tab)
        press(&small, .tab)
        #expect(small.focus == .incidents)
        press(&small, .backTab)
        #expect(small.focus == .timeline)
    }

    @Test func noteIsTypedAndSubmitted() {
        var state = state()
        press(&state, .character("n"))
        type(&state, "Rolled back 障害 deploy")
        press(&state, .left, .left, .left, .left, .left, .left, .backspace)
        type(&state, "!")
        let effects = press(&state, .enter)
        #expect(effects == [.perform(.note(key: "INC-20251104-001", text: "Rolled back 障害!deploy", kind: .note))])
        #expect(state.mode == .normal)
    }

    @Test func escapeCancelsTyping() {
        var state = state()
        press(&state, .character("d"))
        type(&state, "never mind")
        #expect(press(&state, .escape).isEmpty)
        #expect(state.mode == .normal)
    }

    @Test func commandLineSpeaksTheCLIVerbs() {
        var state = state()
        press(&state, .character(":"))
        type(&state, "status mitigated rollback done")
        #expect(
            press(&state, .enter) == [
                .perform(.status(key: "INC-20251104-001", move: .to(.mitigated), note: "rollback done"))
            ])
        press(&state, .character(":"))
        type(&state, "sev p0")
        #expect(press(&state, .enter) == [.perform(.severity(key: "INC-20251104-001", severity: .p0, note: nil))])
        press(&state, .character(":"))
        type(&state, "assign commander alice")
        #expect(
            press(&state, .enter) == [.perform(.assign(key: "INC-20251104-001", role: .commander, person: "alice"))])
        press(&state, .character(":"))
        type(&state, "declare P1 Login failing --service auth")
        #expect(
            press(&state, .enter) == [
                .perform(.declare(IncidentDeclaration(title: "Login failing", severity: .p1, services: ["auth"])))
            ])
        press(&state, .character(":"))
        type(&state, "action add Add canary --owner omar --priority high")
        #expect(
            press(&state, .enter) == [
                .perform(
                    .addAction(
                        key: "INC-20251104-001",
                        draft: ActionItemDraft(title: "Add canary", owner: "omar", priority: .high)))
            ])
        press(&state, .character(":"))
        type(&state, "action done #7")
        #expect(press(&state, .enter) == [.perform(.completeAction(id: 7))])
    }

    @Test func shortcutKeysOpenTheCommandLinePrefilled() {
        var state = state()
        press(&state, .character("s"))
        guard case .input(.command, let field) = state.mode else {
            Issue.record("no command line")
            return
        }
        #expect(field.text == "status ")
    }

    @Test func badCommandKeepsTheTextAndSaysWhy() {
        var state = state()
        press(&state, .character(":"))
        type(&state, "status sideways")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.notice?.level == .error)
        #expect(state.notice?.text.hasPrefix("usage: status") == true)
        guard case .input(.command, let field) = state.mode else {
            Issue.record("command line closed")
            return
        }
        #expect(field.text == "status sideways")
    }

    @Test func tabCompletesVerbsAndWords() {
        var state = state()
        press(&state, .character(":"))
        type(&state, "statu")
        press(&state, .tab)
        type(&state, "mi")
        press(&state, .tab)
        guard case .input(.command, let field) = state.mode else {
            Issue.record("command line closed")
            return
        }
        #expect(field.text == "status mitigated ")
        #expect(CommandLineParser.complete("s").candidates == ["status", "severity", "sev", "stats"])
    }

    @Test func filterNarrowsTheListAndEscapeClearsIt() {
        var state = state()
        press(&state, .character("/"))
        type(&state, "search")
        #expect(state.visibleIncidents.map(\.incident.key) == ["INC-20251104-002"])
        #expect(state.selectedIncident?.incident.key == "INC-20251104-002")
        press(&state, .enter)
        #expect(state.filter == "search")
        press(&state, .escape)
        #expect(state.filter.isEmpty)
        #expect(state.visibleIncidents.count == 3)
    }

    @Test func changesElsewhereReloadListAndNewEntries() {
        var state = state()
        #expect(
            ConsoleReducer.apply(&state, .storeChanged) == [
                .loadIncidents(includeInactive: false),
                .loadTimeline(key: "INC-20251104-001", request: .after(sequence: 6, limit: 1000)),
                .loadContext(key: "INC-20251104-001"),
            ])
        let fresh = ConsoleSamples.entry(7, "2025-11-04T10:49:00Z", "bob", .note, "from the CLI")
        _ = ConsoleReducer.apply(
            &state,
            .timelineLoaded(
                TimelinePage(
                    key: "INC-20251104-001", request: .after(sequence: 6, limit: 1000), totalCount: 7, entries: [fresh])
            ))
        #expect(state.timeline.entries.last?.text == "from the CLI")
        #expect(state.timeline.isFollowing)
    }

    @Test func scrolledBackViewStaysPutWhenEntriesArrive() {
        var state = state(120, 40)
        let many = (1...200).map { ConsoleSamples.entry($0, "2025-11-04T10:00:00Z", "bot", .note, "entry \($0)") }
        _ = ConsoleReducer.apply(
            &state,
            .timelineLoaded(
                TimelinePage(key: "INC-20251104-001", request: .tail(limit: 200), totalCount: 200, entries: many)))
        press(&state, .character("l"))
        press(&state, .up, .up, .up)
        #expect(state.timeline.scrollBack == 3)
        let fresh = ConsoleSamples.entry(201, "2025-11-04T10:01:00Z", "bob", .note, "new")
        _ = ConsoleReducer.apply(
            &state,
            .timelineLoaded(
                TimelinePage(
                    key: "INC-20251104-001", request: .after(sequence: 200, limit: 1000), totalCount: 201,
                    entries: [fresh])))
        #expect(state.timeline.scrollBack == 4)
        press(&state, .character("G"))
        #expect(state.timeline.isFollowing)
    }

    @Test func scrollingPastTheLoadedWindowReadsAnOlderPage() {
        var state = state(120, 40)
        let window = (801...1000).map { ConsoleSamples.entry($0, "2025-11-04T10:00:00Z", "bot", .note, "entry \($0)") }
        _ = ConsoleReducer.apply(
            &state,
            .timelineLoaded(
                TimelinePage(key: "INC-20251104-001", request: .tail(limit: 200), totalCount: 1000, entries: window)))
        press(&state, .character("l"))
        var effects: [ConsoleEffect] = []
        for _ in 0..<10 { effects += press(&state, .pageUp) }
        #expect(effects == [.loadTimeline(key: "INC-20251104-001", request: .before(sequence: 801, limit: 200))])
        #expect(state.timeline.isLoadingOlder)
        let older = (601...800).map { ConsoleSamples.entry($0, "2025-11-04T10:00:00Z", "bot", .note, "entry \($0)") }
        _ = ConsoleReducer.apply(
            &state,
            .timelineLoaded(
                TimelinePage(
                    key: "INC-20251104-001", request: .before(sequence: 801, limit: 200), totalCount: 1000,
                    entries: older)))
        #expect(state.timeline.firstSequence == 601)
        #expect(state.timeline.entries.count == 400)
        #expect(!state.timeline.isLoadingOlder)
    }

    @Test func refusalsShowAsErrorsUntilTheyExpire() {
        var state = state()
        _ = ConsoleReducer.apply(&state, .actionFailed("INC-20251104-001 cannot be closed: it was never resolved"))
        #expect(state.notice?.level == .error)
        _ = ConsoleReducer.apply(&state, .tick(ConsoleSamples.now.addingTimeInterval(5)))
        #expect(state.notice != nil)
        _ = ConsoleReducer.apply(&state, .tick(ConsoleSamples.now.addingTimeInterval(60)))
        #expect(state.notice == nil)
    }

    @Test func declaringSelectsTheNewIncidentOnceListed() {
        var state = state()
        _ = ConsoleReducer.apply(
            &state, .actionSucceeded(message: "Declared INC-20251104-004", selectKey: "INC-20251104-004"))
        let declared = IncidentSummary(
            incident: ConsoleSamples.incident(
                4, "Login failing", severity: .p0, status: .detected, declared: "2025-11-04T10:49:00Z"),
            commander: nil, services: [])
        let effects = ConsoleReducer.apply(&state, .incidentsLoaded([declared] + ConsoleSamples.incidents))
        #expect(state.selectedIncident?.incident.key == "INC-20251104-004")
        #expect(effects.first == .loadTimeline(key: "INC-20251104-004", request: .tail(limit: ConsoleReducer.pageSize)))
    }

    @Test func writingWithoutAnIncidentSaysSo() {
        var state = ConsoleState(
            size: Size(width: 80, height: 24), now: ConsoleSamples.now, user: "a", databasePath: "x")
        _ = ConsoleReducer.apply(&state, .incidentsLoaded([]))
        press(&state, .character("n"))
        #expect(state.mode == .normal)
        #expect(state.notice?.level == .error)
    }

    @Test func shiftKeysHandOverAcknowledgeAndDraft() {
        var state = state()
        press(&state, .character(":"))
        type(&state, "handoff bob pool still saturated")
        #expect(press(&state, .enter) == [.perform(.handoff(to: "bob", notes: "pool still saturated"))])
        #expect(press(&state, .character("K")) == [.perform(.acknowledgeHandoff)])
        #expect(press(&state, .character("P")) == [.perform(.writePostmortem(key: "INC-20251104-001"))])
    }

    @Test func failingCheckPrefillsADeclaration() throws {
        var state = state()
        let file = try HealthCheckFile.parse(
            """
            endpoints:
              - name: payments-api
                url: http://127.0.0.1:1/health
                service: payments
                conditions:
                  - "[STATUS] == 200"
            """, file: "checks.yaml")
        let check = try #require(file.checks.first)
        let sample = HealthSample(
            id: nil, check: check.key, sampledAt: ConsoleSamples.now, isUp: false, latencyMilliseconds: 3,
            conditionResults: [
                ConditionResult(condition: "[STATUS] == 200", passed: false, resolved: "[STATUS] (503) == 200")
            ],
            error: nil)
        let status = HealthCheckStatus(
            check: check, state: .down, since: ConsoleSamples.now, lastSample: sample, recentSamples: [sample])
        _ = ConsoleReducer.apply(&state, .healthUpdated([status]))
        #expect(state.healthList.selection == 0)
        press(&state, .tab, .tab, .tab)
        #expect(state.focus == .health)
        press(&state, .enter)
        #expect(state.notice?.text == "payments-api down: failed [STATUS] (503) == 200")
        press(&state, .character("D"))
        guard case .input(.command, let field) = state.mode else {
            Issue.record("no command line")
            return
        }
        #expect(field.text.hasPrefix("declare P2 payments-api is down: "))
        #expect(field.text.hasSuffix(" --service payments"))
        let screen = ConsoleView.render(state, theme: .dark).buffer.lines.joined(separator: "\n")
        #expect(screen.contains("Health · 0 up · 1 down"))
        #expect(screen.contains("payments-api"))
    }

    /// The pane builds only the rows on screen; scrolling far down must still show the right ones.
    @Test func healthPaneScrollsThroughManyChecks() throws {
        var state = state()
        let yaml =
            "endpoints:\n"
            + (0..<300).map { "  - name: check-\(String(format: "%03d", $0))\n    url: http://127.0.0.1:1/\n" }
            .joined()
        let checks = try HealthCheckFile.parse(yaml, file: "checks.yaml").checks
        let statuses = checks.map {
            HealthCheckStatus(check: $0, state: .up, since: nil, lastSample: nil, recentSamples: [])
        }
        _ = ConsoleReducer.apply(&state, .healthUpdated(statuses))
        press(&state, .tab, .tab, .tab)
        #expect(state.focus == .health)
        for _ in 0..<250 { press(&state, .character("j")) }
        #expect(state.healthList.selection == 250)
        let screen = ConsoleView.render(state, theme: .dark).buffer.lines.joined(separator: "\n")
        #expect(screen.contains("check-250"))
        #expect(!screen.contains("check-000"))
        #expect(screen.contains("Health · 300 up · 0 down"))
    }

    @Test func quitAndHelp() {
        var state = state()
        press(&state, .character("?"))
        #expect(state.mode == .help(scrollOffset: 0))
        press(&state, .character("j"))
        #expect(state.mode == .help(scrollOffset: 1))
        press(&state, .escape)
        #expect(press(&state, .character("q")) == [])
        #expect(state.quitRequested)
    }

    @Test func resizeToTinyAndBackKeepsWorking() {
        var state = state()
        press(&state, .tab, .tab, .tab)
        #expect(state.focus == .health)
        _ = ConsoleReducer.apply(&state, .resized(Size(width: 1, height: 1)))
        _ = ConsoleReducer.apply(&state, .resized(Size(width: 80, height: 24)))
        #expect(state.focus == .incidents)
        _ = ConsoleView.render(state, theme: .dark)
        _ = ConsoleReducer.apply(&state, .resized(Size(width: 120, height: 40)))
        #expect(state.selectedIncident?.incident.key == "INC-20251104-001")
    }
}
