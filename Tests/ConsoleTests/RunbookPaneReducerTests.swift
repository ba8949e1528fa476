import Foundation
import TerminalUI
import Testing

@testable import Console
@testable import IncidentCore

/// The runbook pane's conversation: attach, variables, confirm, skip, stop, cancel, failures,
/// high-risk names and type-ahead, all as state in and effects out.
@Suite struct RunbookPaneReducerTests {
    let key = RunbookSamples.key
    let steps = RunbookSamples.steps

    @discardableResult
    func press(_ state: inout ConsoleState, _ keys: KeyPress...) -> [ConsoleEffect] {
        keys.flatMap { ConsoleReducer.apply(&state, .key($0)) }
    }

    func type(_ state: inout ConsoleState, _ text: String) {
        for character in text { _ = ConsoleReducer.apply(&state, .key(.character(character))) }
    }

    /// The prompt has been drawn and the backend flushed what was typed before it.
    func arm(_ state: inout ConsoleState) {
        _ = ConsoleReducer.apply(&state, .runbook(.typeAheadFlushed))
    }

    func phase(_ state: ConsoleState) -> RunbookRunPhase? { state.runbooks.run?.phase }

    @Test func startLoadsTheLibraryForCompletion() {
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        #expect(ConsoleReducer.start(&state).contains(.runbook(.loadLibrary)))
        _ = ConsoleReducer.apply(&state, .runbook(.libraryLoaded(["db-pool", "demo", "disk-full"])))
        #expect(state.runbooks.names == ["db-pool", "demo", "disk-full"])
    }

    @Test func runbookCommandCompletesNamesAndAttaches() {
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        _ = ConsoleReducer.apply(&state, .runbook(.libraryLoaded(["db-pool", "demo", "disk-full"])))
        press(&state, .character(":"))
        type(&state, "runbook d")
        press(&state, .tab)
        #expect(state.notice?.text == "db-pool  demo  disk-full")
        type(&state, "b")
        press(&state, .tab)
        guard case .input(.command, let field) = state.mode else {
            Issue.record("command line closed")
            return
        }
        #expect(field.text == "runbook db-pool ")
        let effects = press(&state, .enter)
        #expect(effects == [.runbook(.prepare(nameOrPath: "db-pool", key: key))])
        #expect(state.focus == .runbook)
        #expect(phase(state) == .preparing)
    }

    @Test func restartAsksToStopTheUnfinishedRunBeforePreparing() {
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        press(&state, .character(":"))
        type(&state, "runbook db-pool --restart")
        let effects = press(&state, .enter)
        #expect(effects == [.runbook(.prepare(nameOrPath: "db-pool", key: key, restart: true))])
        #expect(phase(state) == .preparing)

        var other = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        press(&other, .character(":"))
        type(&other, "runbook db-pool --force")
        #expect(press(&other, .enter).isEmpty)
        #expect(other.notice?.text == "usage: runbook NAME|PATH [--restart]")
    }

    @Test func capitalROpensTheCommandLineOrContinuesAnUnfinishedRun() {
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        press(&state, .character("R"))
        guard case .input(.command, let field) = state.mode else {
            Issue.record("no command line")
            return
        }
        #expect(field.text == "runbook ")
        press(&state, .escape)
        state.context = IncidentContext(
            key: key, runbook: RunbookProgress(run: RunbookSamples.run(), steps: []), pendingHandoff: nil)
        let effects = press(&state, .character("R"))
        #expect(effects == [.runbook(.prepare(nameOrPath: RunbookSamples.runbook.path, key: key))])
    }

    @Test func variablesAreAskedOnceAndPassedToTheRun() {
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        _ = ConsoleReducer.attachRunbook(&state, nameOrPath: "db-pool", key: key)
        let preparation = RunbookPreparation(
            incidentKey: key, runbook: RunbookSamples.runbook, resumed: nil,
            missing: [RunbookVariable(name: "DB_HOST"), RunbookVariable(name: "REGION", defaultValue: "eu-west-1")])
        _ = ConsoleReducer.apply(&state, .runbook(.prepared(preparation)))
        guard case .input(.runbookAnswer(let question), _) = state.mode else {
            Issue.record("no variable prompt")
            return
        }
        #expect(question.hasPrefix("DB_HOST"))
        type(&state, "$(touch /tmp/x); db-2")
        press(&state, .enter)
        guard case .input(.runbookAnswer(let second), _) = state.mode else {
            Issue.record("no second prompt")
            return
        }
        #expect(second.hasPrefix("REGION [eu-west-1]"))
        let effects = press(&state, .enter)
        #expect(
            effects == [
                .runbook(.open(preparation, values: ["DB_HOST": "$(touch /tmp/x); db-2", "REGION": "eu-west-1"]))
            ])
    }

    @Test func escapeAtAVariableStartsNothing() {
        var (state, _) = RunbookSamples.prepared(missing: [RunbookVariable(name: "DB_HOST")])
        #expect(press(&state, .escape) == [])
        #expect(state.runbooks.run == nil)
        #expect(state.notice?.text == "No value given; nothing was started")
    }

    @Test func aKeyPressedBeforeThePromptAppearedNeverConfirms() {
        var (state, _) = RunbookSamples.prepared()
        let opened = ConsoleReducer.apply(&state, .runbook(.sessionOpened(RunbookSamples.session())))
        #expect(opened == [.flushTypeAhead])
        #expect(phase(state) == .confirming(stepIndex: 0))
        #expect(press(&state, .character("y")) == [])
        #expect(phase(state) == .confirming(stepIndex: 0))
        #expect(state.notice?.text.contains("before the prompt appeared") == true)
        arm(&state)
        let session = RunbookSamples.session()
        #expect(press(&state, .character("y")) == [.runStep(steps[0], session)])
        #expect(phase(state) == .running(stepIndex: 0, cancelling: false))
    }

    @Test func eachNewPromptIsUnarmedAgain() {
        var state = RunbookSamples.attached()
        arm(&state)
        press(&state, .character("s"))
        let effects = ConsoleReducer.apply(&state, .runbook(.recorded(RunbookSamples.record(1, step: 0, .skipped))))
        #expect(effects.contains(.flushTypeAhead))
        #expect(state.runbooks.run?.promptArmed == false)
        #expect(press(&state, .character("s")) == [])
    }

    @Test func skipIsRecordedAndTheNextStepIsShown() {
        var state = RunbookSamples.attached()
        arm(&state)
        #expect(press(&state, .character("s")) == [.runbook(.record(steps[0], .skipped, RunbookSamples.session()))])
        #expect(phase(state) == .recording)
        _ = ConsoleReducer.apply(&state, .runbook(.recorded(RunbookSamples.record(1, step: 0, .skipped))))
        #expect(phase(state) == .confirming(stepIndex: 1))
    }

    @Test func stopIsRecordedAndEndsTheRun() {
        var state = RunbookSamples.attached()
        arm(&state)
        #expect(press(&state, .character("q")) == [.runbook(.stop(steps[0], RunbookSamples.session(), note: nil))])
        #expect(!state.quitRequested)
        var finished = RunbookSamples.run()
        finished.state = .stopped
        _ = ConsoleReducer.apply(
            &state, .runbook(.runFinished(finished, last: RunbookSamples.record(1, step: 0, .stopped))))
        #expect(phase(state) == .finished(.stopped))
        #expect(state.runbooks.run?.session?.records.count == 1)
        press(&state, .character("q"))
        #expect(state.runbooks.run == nil)
        #expect(!state.quitRequested)
    }

    @Test func highRiskNeedsTheStepNameTyped() {
        let ran = RunbookSamples.record(1, step: 0, .ran, exit: 0, milliseconds: 40)
        var state = RunbookSamples.attached(records: [ran])
        #expect(phase(state) == .confirming(stepIndex: 1))
        arm(&state)
        #expect(press(&state, .character("y")) == [])
        #expect(phase(state) == .typingName(stepIndex: 1))
        type(&state, "y")
        #expect(press(&state, .enter) == [.flushTypeAhead])
        #expect(state.notice?.text == "That is not the step name; nothing was run")
        #expect(phase(state) == .confirming(stepIndex: 1))
        arm(&state)
        press(&state, .character("y"))
        type(&state, "restart-pgbouncer")
        let session = RunbookSamples.session(records: [ran])
        #expect(press(&state, .enter) == [.runStep(steps[1], session)])
    }

    @Test func xOrCtrlCCancelsOnlyTheRunningStep() {
        var state = RunbookSamples.attached()
        arm(&state)
        press(&state, .character("y"))
        #expect(press(&state, .character("x")) == [.cancelStep])
        #expect(phase(state) == .running(stepIndex: 0, cancelling: true))
        #expect(!state.quitRequested)
        var other = RunbookSamples.attached()
        arm(&other)
        press(&other, .character("y"))
        press(&other, .character("h"))
        #expect(other.focus == .incidents)
        #expect(press(&other, .control("c")) == [.cancelStep])
    }

    @Test func otherKeysKeepWorkingWhileAStepRuns() {
        var state = RunbookSamples.attached()
        arm(&state)
        press(&state, .character("y"))
        press(&state, .tab)
        #expect(state.focus == .health)
        press(&state, .character("h"), .character("j"))
        #expect(state.selectedIncident?.incident.key == "INC-20251104-002")
        #expect(phase(state) == .running(stepIndex: 0, cancelling: false))
    }

    @Test func quittingWhileAStepRunsAsksFirst() {
        var state = RunbookSamples.attached()
        arm(&state)
        press(&state, .character("y"))
        press(&state, .character("h"))
        #expect(press(&state, .character("q")) == [])
        #expect(!state.quitRequested)
        #expect(state.runbooks.confirmingQuit)
        press(&state, .character("n"))
        #expect(!state.quitRequested)
        press(&state, .character("q"))
        #expect(press(&state, .character("y")) == [.cancelStep])
        #expect(state.quitRequested)
    }

    @Test func aFailedStepStopsTheRunUntilTheOperatorContinues() {
        var state = RunbookSamples.attached()
        arm(&state)
        press(&state, .character("y"))
        let failed = RunbookSamples.record(1, step: 0, .failed, exit: 2, milliseconds: 120)
        _ = ConsoleReducer.apply(&state, .runbook(.stepFinished(failed)))
        #expect(phase(state) == .afterFailure(stepIndex: 0))
        #expect(state.notice?.level == .error)
        #expect(press(&state, .character("c")) == [])
        arm(&state)
        #expect(press(&state, .character("y")) == [])
        #expect(press(&state, .character("c")) == [.runbook(.continuePast(failed))])
        var continued = failed
        continued.continuedBy = "alice"
        _ = ConsoleReducer.apply(&state, .runbook(.recorded(continued)))
        #expect(phase(state) == .confirming(stepIndex: 1))
    }

    @Test func afterAFailureRetryShowsTheStepAgainAndStopNamesTheFailure() {
        var state = RunbookSamples.attached()
        let timedOut = RunbookSamples.record(1, step: 0, .timedOut)
        _ = ConsoleReducer.apply(&state, .runbook(.stepFinished(timedOut)))
        arm(&state)
        #expect(press(&state, .character("r")) == [.flushTypeAhead])
        #expect(phase(state) == .confirming(stepIndex: 0))
        _ = ConsoleReducer.apply(&state, .runbook(.stepFinished(timedOut)))
        arm(&state)
        let session = RunbookSamples.session(records: [timedOut])
        #expect(
            press(&state, .character("q"))
                == [.runbook(.stop(steps[0], session, note: "stopped after timed-out step"))])
    }

    @Test func aManualStepIsConfirmedByHandAndTheLastOneFinishesTheRun() {
        let records = [
            RunbookSamples.record(1, step: 0, .ran, exit: 0), RunbookSamples.record(2, step: 1, .skipped),
        ]
        var state = RunbookSamples.attached(records: records)
        #expect(phase(state) == .confirming(stepIndex: 2))
        arm(&state)
        let session = RunbookSamples.session(records: records)
        #expect(press(&state, .character("y")) == [.runbook(.record(steps[2], .done, session))])
        let done = RunbookSamples.record(3, step: 2, .done)
        let effects = ConsoleReducer.apply(&state, .runbook(.recorded(done)))
        #expect(effects.first == .runbook(.finish(RunbookSamples.session(records: records + [done]))))
    }

    @Test func aRunbookWithProblemsIsShownAndCannotRun() {
        var broken = RunbookSamples.runbook
        broken.problems = [RunbookProblem(file: "/srv/runbooks/broken.md", line: 9, message: "unclosed fence")]
        var (state, _) = RunbookSamples.prepared(runbook: broken)
        #expect(phase(state) == .problems)
        arm(&state)
        #expect(press(&state, .character("y")) == [])
        let text = ConsoleView.render(state, theme: .dark).buffer.lines.joined(separator: "\n")
        #expect(text.contains("/srv/runbooks/broken.md:9: unclosed"))
    }

    /// A step that cannot run (its fence is never closed) is listed as such and passed over: the
    /// run goes from step 1 straight to step 3.
    @Test func aStepThatCannotRunIsListedAndPassedOver() {
        var partly = RunbookSamples.runbook
        partly.steps[1].problem = RunbookProblem(
            file: partly.path, line: 20, message: "the ``` fence opened here is never closed")
        let resumed = RunbookSession(
            incidentKey: key, runbook: partly, run: RunbookSamples.run(),
            records: [RunbookSamples.record(1, step: 0, .ran, exit: 0)])
        let (state, _) = RunbookSamples.prepared(runbook: partly, resumed: resumed)
        #expect(phase(state) == .confirming(stepIndex: 2))
        let text = ConsoleView.render(state, theme: .dark).buffer.lines.joined(separator: "\n")
        #expect(text.contains("cannot run, line 20"))
    }

    @Test func aResumedRunContinuesFromTheNextStep() {
        let resumed = RunbookSamples.session(records: [RunbookSamples.record(1, step: 0, .ran, exit: 0)])
        let (state, effects) = RunbookSamples.prepared(resumed: resumed)
        #expect(effects == [.flushTypeAhead])
        #expect(phase(state) == .confirming(stepIndex: 1))
    }

    @Test func outputTailStaysBoundedAndDropsControlSequences() {
        var tail = OutputTail()
        let line = Array("\u{1B}[31mred\u{1B}[0m line 障害\n".utf8)
        for _ in 0..<20_000 { tail.append(line) }
        var endless = OutputTail()
        for _ in 0..<1000 { endless.append([UInt8](repeating: 65, count: 4096)) }
        #expect(tail.lines.count == OutputTail.lineLimit)
        #expect(tail.lines.last == "red line 障害")
        #expect(tail.totalBytes == 20_000 * line.count)
        #expect(endless.lines.count <= OutputTail.lineLimit)
        #expect(endless.partial.unicodeScalars.count < OutputTail.lineWidthLimit)
        var split = OutputTail()
        let bytes = Array("障害\n".utf8)
        split.append(Array(bytes[0..<2]))
        split.append(Array(bytes[2...]))
        #expect(split.lines == ["障害"])
    }
}
