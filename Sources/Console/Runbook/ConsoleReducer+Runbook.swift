import Foundation
import IncidentCore
import TerminalUI

/// The runbook pane's half of the reducer: attaching a runbook, the confirmation conversation
/// for each step, and folding in what the runtime reports. Pure like the rest of the reducer.
extension ConsoleReducer {
    // MARK: - Attaching

    /// `R`: continue the selected incident's unfinished run, or ask which runbook to attach.
    static func attachRunbookKey(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if let run = state.runbooks.run, run.isActive {
            focusRunbookPane(&state)
            state.notice = Notice(
                "\(run.incidentKey) already has a runbook open here; q in the runbook pane stops it", level: .error,
                now: state.now)
            return []
        }
        guard let key = state.selectedIncident?.incident.key else {
            state.notice = Notice("Select an incident first", level: .error, now: state.now)
            return []
        }
        if let progress = state.context.runbook, state.context.key == key, progress.run.state == .running {
            return attachRunbook(&state, nameOrPath: progress.run.runbookPath, key: key)
        }
        openCommand(&state, "runbook ")
        return []
    }

    static func attachRunbook(
        _ state: inout ConsoleState, nameOrPath: String, key: String, restart: Bool = false
    ) -> [ConsoleEffect] {
        if let run = state.runbooks.run, run.isActive {
            state.notice = Notice("Finish or stop the open runbook first", level: .error, now: state.now)
            return []
        }
        state.runbooks.run = RunbookConsoleRun(incidentKey: key, nameOrPath: nameOrPath)
        focusRunbookPane(&state)
        return [.runbook(.prepare(nameOrPath: nameOrPath, key: key, restart: restart))]
    }

    static func focusRunbookPane(_ state: inout ConsoleState) {
        if state.layout.visiblePanes.contains(.runbook) { state.focus = .runbook }
    }

    /// Whether the runbook pane's keys apply: a run is attached and the pane has the focus, or
    /// the terminal is too small for the pane and it is drawn in the timeline's place.
    static func runbookPaneActive(_ state: ConsoleState) -> Bool {
        guard state.runbooks.run != nil else { return false }
        return state.focus == .runbook || !state.layout.visiblePanes.contains(.runbook)
    }

    // MARK: - Keys

    /// `q` while a step runs asks first; quitting then cancels the step (recorded as cancelled).
    static func requestQuit(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.runbooks.run?.isStepRunning == true {
            state.runbooks.confirmingQuit = true
            state.notice = Notice(
                "A runbook step is running. Quit and cancel it? y quits, any other key keeps going", level: .error,
                now: state.now)
            return []
        }
        state.quitRequested = true
        return []
    }

    /// Keys the runbook side takes before the usual handling; nil lets them through.
    static func runbookKey(_ state: inout ConsoleState, _ key: KeyPress) -> [ConsoleEffect]? {
        if state.runbooks.confirmingQuit {
            state.runbooks.confirmingQuit = false
            guard key == .character("y") || key == .character("Y") else {
                state.notice = Notice("Still running; nothing was quit", level: .info, now: state.now)
                return []
            }
            state.quitRequested = true
            return [.cancelStep]
        }
        guard var run = state.runbooks.run else { return nil }
        if run.isStepRunning, key == .control("c") { return cancelRunningStep(&state) }
        guard case .normal = state.mode, runbookPaneActive(state), let action = KeyBindings.runbookAction(for: key)
        else { return nil }
        let session = run.session
        switch run.phase {
        case .running:
            if action == .cancelStep { return cancelRunningStep(&state) }
            if action == .stopRun { return requestQuit(&state) }
            return nil
        case .finished, .problems:
            guard action == .stopRun else { return nil }
            state.runbooks.run = nil
            return [.loadContext(key: state.selectedIncident?.incident.key)]
        case .confirming(let index), .afterFailure(let index):
            guard let session, [.confirmStep, .skipStep, .stopRun, .continueRun, .retryStep].contains(action) else {
                return nil
            }
            guard run.promptArmed else {
                state.notice = Notice(
                    "Ignored a key pressed before the prompt appeared; press it again", level: .error, now: state.now)
                return []
            }
            let step = session.runbook.steps[index]
            if case .afterFailure = run.phase {
                return afterFailureKey(&state, action, step: step, index: index, session: session)
            }
            switch action {
            case .confirmStep:
                return confirm(&state, step: step, index: index, session: session)
            case .skipStep:
                run.phase = .recording
                state.runbooks.run = run
                return [.runbook(.record(step, .skipped, session))]
            case .stopRun:
                run.phase = .recording
                state.runbooks.run = run
                return [.runbook(.stop(step, session, note: nil))]
            default:
                return []
            }
        case .preparing, .askingVariables, .typingName, .recording:
            return [.confirmStep, .skipStep, .stopRun, .continueRun, .retryStep].contains(action) ? [] : nil
        }
    }

    static func cancelRunningStep(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var run = state.runbooks.run, case .running(let index, _) = run.phase else { return [] }
        run.phase = .running(stepIndex: index, cancelling: true)
        state.runbooks.run = run
        state.notice = Notice("Cancelling the step: its process group is being ended", level: .info, now: state.now)
        return [.cancelStep]
    }

    /// `y` on a shown step: a manual step is recorded done, a high-risk one asks for its name,
    /// any other starts at once.
    static func confirm(_ state: inout ConsoleState, step: RunbookStep, index: Int, session: RunbookSession)
        -> [ConsoleEffect]
    {
        guard var run = state.runbooks.run else { return [] }
        if step.kind == .manual {
            run.phase = .recording
            state.runbooks.run = run
            return [.runbook(.record(step, .done, session))]
        }
        if case .typeName(let name) = StepConfirmation(step: step) {
            run.phase = .typingName(stepIndex: index)
            state.runbooks.run = run
            let purpose = InputPurpose.runbookAnswer("High risk: type \(name) to run it (Esc: back): ")
            state.mode = .input(purpose, TextField(visibleWidth: inputWidth(state, purpose)))
            return []
        }
        return startStep(&state, step: step, index: index, session: session)
    }

    static func startStep(_ state: inout ConsoleState, step: RunbookStep, index: Int, session: RunbookSession)
        -> [ConsoleEffect]
    {
        guard var run = state.runbooks.run else { return [] }
        run.phase = .running(stepIndex: index, cancelling: false)
        run.output = OutputTail()
        state.runbooks.run = run
        return [.runStep(step, session)]
    }

    static func afterFailureKey(
        _ state: inout ConsoleState, _ action: KeyAction, step: RunbookStep, index: Int, session: RunbookSession
    ) -> [ConsoleEffect] {
        guard var run = state.runbooks.run else { return [] }
        switch action {
        case .retryStep:
            run.phase = .confirming(stepIndex: index)
            run.promptArmed = false
            state.runbooks.run = run
            return [.flushTypeAhead]
        case .continueRun:
            guard let blocked = session.blockingRecord else { return [] }
            run.phase = .recording
            state.runbooks.run = run
            return [.runbook(.continuePast(blocked))]
        case .stopRun:
            run.phase = .recording
            state.runbooks.run = run
            let outcome = session.blockingRecord?.outcome.rawValue ?? "failed"
            return [.runbook(.stop(step, session, note: "stopped after \(outcome) step"))]
        default:
            return []
        }
    }

    // MARK: - Typed answers

    /// Enter on a runbook prompt: the next variable's value, or a high-risk step's name.
    static func runbookAnswer(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
        guard var run = state.runbooks.run else { return [] }
        switch run.phase {
        case .askingVariables(var values, var remaining):
            guard !remaining.isEmpty else { return [] }
            let variable = remaining.removeFirst()
            values[variable.name] = text.isEmpty ? (variable.defaultValue ?? "") : text
            run.phase = .askingVariables(values: values, remaining: remaining)
            state.runbooks.run = run
            return askNextVariable(&state)
        case .typingName(let index):
            guard let session = run.session else { return [] }
            let step = session.runbook.steps[index]
            if StepConfirmation(step: step).accepts(text) {
                return startStep(&state, step: step, index: index, session: session)
            }
            state.notice = Notice("That is not the step name; nothing was run", level: .error, now: state.now)
            return reprompt(&state, index)
        default:
            return []
        }
    }

    /// Esc on a runbook prompt: back to y/s/q for a step's name; for variables, nothing starts.
    static func runbookAnswerCancelled(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let run = state.runbooks.run else { return [] }
        switch run.phase {
        case .typingName(let index):
            return reprompt(&state, index)
        case .askingVariables:
            state.runbooks.run = nil
            state.notice = Notice(
                run.preparation?.resumed == nil
                    ? "No value given; nothing was started" : "No value given; the run waits (R continues it)",
                level: .info, now: state.now)
            return []
        default:
            return []
        }
    }

    static func reprompt(_ state: inout ConsoleState, _ index: Int) -> [ConsoleEffect] {
        guard var run = state.runbooks.run else { return [] }
        run.phase = .confirming(stepIndex: index)
        run.promptArmed = false
        state.runbooks.run = run
        return [.flushTypeAhead]
    }

    static func askNextVariable(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let run = state.runbooks.run, case .askingVariables(let values, let remaining) = run.phase,
            let preparation = run.preparation
        else { return [] }
        guard let variable = remaining.first else {
            state.runbooks.run?.phase = .recording
            return [.runbook(.open(preparation, values: values))]
        }
        let hint = variable.defaultValue.map { " [\($0)]" } ?? ""
        let purpose = InputPurpose.runbookAnswer("\(variable.name)\(hint) (passed as an environment variable): ")
        state.mode = .input(purpose, TextField(visibleWidth: inputWidth(state, purpose)))
        return []
    }

    // MARK: - Results

    static func runbookEvent(_ state: inout ConsoleState, _ event: RunbookEvent) -> [ConsoleEffect] {
        if case .libraryLoaded(let names) = event {
            state.runbooks.names = names
            return []
        }
        guard var run = state.runbooks.run else { return [] }
        switch event {
        case .libraryLoaded:
            return []
        case .prepared(let preparation):
            guard run.phase == .preparing else { return [] }
            run.runbook = preparation.runbook
            run.preparation = preparation
            run.session = preparation.resumed
            guard preparation.runbook.isRunnable else {
                run.phase = .problems
                state.runbooks.run = run
                state.notice = Notice(
                    "\(preparation.runbook.path) has problems and cannot run until they are fixed", level: .error,
                    now: state.now)
                return []
            }
            if !preparation.missing.isEmpty {
                run.phase = .askingVariables(values: [:], remaining: preparation.missing)
                state.runbooks.run = run
                return askNextVariable(&state)
            }
            state.runbooks.run = run
            if preparation.resumed != nil { return advanceRun(&state) }
            state.runbooks.run?.phase = .recording
            return [.runbook(.open(preparation, values: [:]))]
        case .sessionOpened(let session):
            run.session = session
            state.runbooks.run = run
            return advanceRun(&state)
        case .recorded(let record), .stepFinished(let record):
            run.session?.apply(record)
            state.runbooks.run = run
            if case .stepFinished = event, let step = run.session?.runbook.step(id: record.stepId) {
                state.notice = Notice(
                    "Step \(step.number) \(step.title): \(stepSummary(record, withNote: true))",
                    level: record.outcome.letsRunContinue ? .info : .error, now: state.now)
            }
            return advanceRun(&state) + [.loadContext(key: state.selectedIncident?.incident.key)]
        case .output(let bytes):
            run.output.append(bytes)
            state.runbooks.run = run
            return []
        case .runFinished(let finished, let last):
            if let last { run.session?.apply(last) }
            run.session?.run = finished
            run.phase = .finished(finished.state)
            state.runbooks.run = run
            state.notice = Notice(
                "Runbook \(finished.state == .completed ? "completed" : "stopped") (recorded): "
                    + (run.session?.tally ?? ""), level: .info, now: state.now)
            return [.loadContext(key: state.selectedIncident?.incident.key)]
        case .typeAheadFlushed:
            run.promptArmed = true
            state.runbooks.run = run
            return []
        case .failed(let message):
            state.notice = Notice(message, level: .error, now: state.now)
            if run.session == nil {
                state.runbooks.run = nil
                return []
            }
            return advanceRun(&state)
        }
    }

    /// `ran · exit 0 · 1.2s`: how a recorded step ended, for the notice and the pane's rows.
    static func stepSummary(_ record: StepRun, withNote: Bool = false) -> String {
        var facts = [record.outcome == .timedOut ? "timed out" : record.outcome.rawValue]
        if let exit = record.exitStatus { facts.append("exit \(exit)") }
        if let signal = record.signal { facts.append("signal \(signal)") }
        if let milliseconds = record.durationMilliseconds {
            facts.append(Timestamp.duration(Double(milliseconds) / 1000))
        }
        if withNote, let note = record.note { facts.append(note) }
        return facts.joined(separator: " · ")
    }

    /// Shows the next unsettled step (or the failure blocking it), or finishes the run when
    /// every step is settled. Each new prompt starts unarmed until type-ahead is flushed.
    static func advanceRun(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var run = state.runbooks.run, let session = run.session else { return [] }
        guard let index = session.nextStepIndex else {
            run.phase = .recording
            state.runbooks.run = run
            return [.runbook(.finish(session))]
        }
        run.phase = session.blockingRecord == nil ? .confirming(stepIndex: index) : .afterFailure(stepIndex: index)
        run.promptArmed = false
        state.runbooks.run = run
        return [.flushTypeAhead]
    }
}
