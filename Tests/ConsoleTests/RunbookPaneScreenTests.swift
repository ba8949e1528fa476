import Foundation
import TerminalUI
import Testing

@testable import Console
@testable import IncidentCore

/// Golden screens of the runbook pane driving a run: a step waiting for confirmation, a
/// high-risk step, a running step's live output, and the small-terminal fallback.
@Suite struct RunbookPaneScreenTests {
    @Test func awaitingConfirmation() throws {
        var state = RunbookSamples.attached()
        _ = ConsoleReducer.apply(&state, .runbook(.typeAheadFlushed))
        try GoldenScreen.check(ConsoleView.render(state, theme: .dark).buffer, named: "runbook-confirm-120x40")
    }

    @Test func askingForTheRunsVariables() throws {
        let (state, _) = RunbookSamples.prepared(missing: [RunbookVariable(name: "DB_HOST")])
        try GoldenScreen.check(ConsoleView.render(state, theme: .dark).buffer, named: "runbook-variables-120x40")
    }

    @Test func highRiskStepAwaitingItsName() throws {
        var state = RunbookSamples.attached(records: [
            RunbookSamples.record(1, step: 0, .ran, exit: 0, milliseconds: 80)
        ])
        _ = ConsoleReducer.apply(&state, .runbook(.typeAheadFlushed))
        _ = ConsoleReducer.apply(&state, .key(.character("y")))
        try GoldenScreen.check(ConsoleView.render(state, theme: .dark).buffer, named: "runbook-high-risk-120x40")
    }

    @Test func runningWithLiveOutput() throws {
        var state = RunbookSamples.attached()
        _ = ConsoleReducer.apply(&state, .runbook(.typeAheadFlushed))
        _ = ConsoleReducer.apply(&state, .key(.character("y")))
        let output = (1...30).map { " pid \(1000 + $0) | active | checkout" }.joined(separator: "\n") + "\n(30 rows)\n"
        _ = ConsoleReducer.apply(&state, .runbook(.output(Array(output.utf8))))
        try GoldenScreen.check(ConsoleView.render(state, theme: .dark).buffer, named: "runbook-running-120x40")
    }

    @Test func smallTerminalShowsTheRunInTheTimelinesPlace() throws {
        var state = RunbookSamples.attached(size: Size(width: 80, height: 24))
        _ = ConsoleReducer.apply(&state, .runbook(.typeAheadFlushed))
        try GoldenScreen.check(ConsoleView.render(state, theme: .dark).buffer, named: "runbook-confirm-80x24")
        #expect(ConsoleReducer.apply(&state, .key(.character("s"))).count == 1)
    }
}
