import Foundation
import IncidentCore

#if canImport(Glibc)
    import Glibc
#endif

/// `sitrep runbook run` as a conversation on the terminal: show each step, wait for the
/// confirmation its risk needs, run it with output streaming through, and record every answer.
/// Ctrl-C while a step runs cancels that step only.
public struct InteractiveRunbookRun: Sendable {
    public var runner: RunbookRunner
    public var runbook: Runbook
    public var incidentKey: String
    public var attribution: Attribution
    public var prompter: TerminalPrompter
    /// `--var NAME=VALUE` values; they win over the environment and are never asked for.
    public var presetVariables: [String: String]
    /// `--yes`: confirm low and medium risk steps without asking. High risk still needs the name.
    public var autoConfirm: Bool
    /// `--restart`: stop an unfinished run of this runbook and begin a new one.
    public var restart: Bool
    public var environment: [String: String]

    public init(
        runner: RunbookRunner, runbook: Runbook, incidentKey: String, attribution: Attribution,
        prompter: TerminalPrompter = TerminalPrompter(), presetVariables: [String: String] = [:],
        autoConfirm: Bool = false, restart: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.runner = runner
        self.runbook = runbook
        self.incidentKey = incidentKey
        self.attribution = attribution
        self.prompter = prompter
        self.presetVariables = presetVariables
        self.autoConfirm = autoConfirm
        self.restart = restart
        self.environment = environment
    }

    /// Runs until the runbook is through or the operator stops; returns how the run ended.
    public func run() async throws -> RunbookRunState {
        var session = try openSession()
        let say = prompter.say
        while let index = session.nextStepIndex {
            let step = session.runbook.steps[index]
            if let blocked = session.blockingRecord {
                guard let choice = askAfterFailure(blocked, step: step) else { return leaveOpen(session, at: step) }
                if choice == "q" {
                    return try stop(&session, at: step, note: "stopped after \(blocked.outcome.rawValue) step")
                }
                if choice == "c" {
                    session.apply(try runner.continuePast(blocked, by: attribution))
                    say("Continuing past step \(step.number) (recorded).\n\n")
                    continue
                }
            }
            let missing = session.missingVariables(for: [step], environment: environment)
            if !missing.isEmpty {
                guard let values = askVariables(missing) else {
                    return try stop(&session, at: step, note: "no value given for its variables")
                }
                session.run = try runner.addVariables(values, to: session)
            }
            let invocation = step.kind == .command ? session.invocation(for: step) : nil
            say(
                RunbookText.stepCard(
                    step, of: session.runbook.steps.count, invocation: invocation, variables: session.variables,
                    inherited: environment))
            switch confirm(step) {
            case .confirmed:
                if step.kind == .manual {
                    session.apply(try runner.record(step, as: .done, in: session, by: attribution))
                    say("  done (recorded)\n\n")
                } else {
                    let record = try await execute(step, in: session)
                    session.apply(record)
                }
            case .skipped:
                session.apply(try runner.record(step, as: .skipped, in: session, by: attribution))
                say("  skipped (recorded)\n\n")
            case .stopped:
                return try stop(&session, at: step, note: nil)
            case .noAnswer:
                return leaveOpen(session, at: step)
            }
        }
        session.run = try runner.finish(session, as: .completed, by: attribution)
        say("Runbook completed: \(session.tally).\n")
        return .completed
    }

    func openSession() throws -> RunbookSession {
        let say = prompter.say
        if restart {
            try runner.stopOpenRun(runbookPath: runbook.path, incidentKey: incidentKey, by: attribution)
        }
        if let resumed = try runner.resume(runbook: runbook, incidentKey: incidentKey, by: attribution) {
            say("Resuming run #\(resumed.run.id!) of \(runbook.title) on \(incidentKey) ")
            say("(started by \(resumed.run.startedBy) at \(Timestamp.iso(resumed.run.startedAt))):\n")
            say(RunbookText.progress(resumed))
            say("\n")
            var session = resumed
            if !presetVariables.isEmpty { session.run = try runner.addVariables(presetVariables, to: session) }
            return session
        }
        say("Runbook: \(runbook.title) (\(runbook.path)) on \(incidentKey), \(runbook.steps.count) steps\n\n")
        var values = presetVariables
        let missing = RunbookSession.variablesToAsk(for: runbook.steps, known: values, environment: environment)
        if !missing.isEmpty {
            say("This runbook uses variables; each is passed to the steps as an environment variable.\n")
            guard let answers = askVariables(missing) else {
                throw StoreError.refused("no value given for \(missing[0].name); nothing was started")
            }
            values.merge(answers) { $1 }
            say("\n")
        }
        return try runner.start(runbook: runbook, incidentKey: incidentKey, variables: values, by: attribution)
    }

    func askVariables(_ variables: [RunbookVariable]) -> [String: String]? {
        var values: [String: String] = [:]
        for variable in variables {
            let hint = variable.defaultValue.map { " [\($0)]" } ?? ""
            guard let answer = prompter.ask("  \(variable.name)\(hint): ") else { return nil }
            values[variable.name] = answer.isEmpty ? (variable.defaultValue ?? "") : answer
        }
        return values
    }

    /// `noAnswer` is the end of input: nobody decided anything, so the run is left open.
    enum Answer { case confirmed, skipped, stopped, noAnswer }

    func confirm(_ step: RunbookStep) -> Answer {
        let confirmation = StepConfirmation(step: step)
        if autoConfirm, confirmation == .yes {
            prompter.say("  confirmed by --yes\n")
            return .confirmed
        }
        let verb = step.kind == .manual ? "Done" : "Run it"
        let question: String
        switch confirmation {
        case .yes: question = "\(verb)? [y]es, [s]kip, [q]uit: "
        case .typeName(let name):
            question = "High risk. Type the step name `\(name)` to run it, [s]kip, [q]uit: "
        }
        while true {
            guard let answer = prompter.ask(question) else { return .noAnswer }
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            if confirmation.accepts(trimmed) { return .confirmed }
            switch trimmed.lowercased() {
            case "s", "skip": return .skipped
            case "q", "quit": return .stopped
            default:
                prompter.say(
                    confirmation == .yes
                        ? "  Answer y, s or q.\n" : "  That is not the step name; nothing was run.\n")
            }
        }
    }

    /// `r` retries the step, `c` continues past it (recorded), `q` stops; nil is the end of input.
    func askAfterFailure(_ record: StepRun, step: RunbookStep) -> String? {
        prompter.say("Step \(step.number) \(step.title) \(record.outcome.rawValue)")
        prompter.say(record.note.map { ": \($0)\n" } ?? ".\n")
        while true {
            guard let answer = prompter.ask("[r]etry it, [c]ontinue past it, [q]uit: ") else { return nil }
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "r", "retry": return "r"
            case "c", "continue": return "c"
            case "q", "quit": return "q"
            default: prompter.say("  Answer r, c or q.\n")
            }
        }
    }

    func execute(_ step: RunbookStep, in session: RunbookSession) async throws -> StepRun {
        let control = StepControl()
        let previous = signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT)
        interrupt.setEventHandler { control.cancel() }
        interrupt.resume()
        defer {
            interrupt.cancel()
            signal(SIGINT, previous)
        }
        prompter.say("  --- output (Ctrl-C cancels this step) ---\n")
        let prompter = self.prompter
        let record = try await runner.execute(
            step, in: session, confirmedBy: attribution, control: control, onOutput: { prompter.write($0) })
        let lastByte = (record.outputTail?.isEmpty == false ? record.outputTail : record.outputHead)?.last
        if let lastByte, lastByte != 10 { prompter.say("\n") }
        var line = "  --- \(record.outcome == .timedOut ? "timed out" : record.outcome.rawValue)"
        if let status = record.exitStatus { line += ", exit \(status)" }
        if let signal = record.signal { line += ", signal \(signal)" }
        line += ", \(ByteCount.text(record.outputBytes))"
        if let note = record.note { line += ": \(note)" }
        prompter.say(line + " ---\n\n")
        return record
    }

    /// End of input at a prompt (a script with `--yes` reaching a high-risk step, a closed pipe)
    /// is not a decision to stop: the run stays open there for a person to continue.
    func leaveOpen(_ session: RunbookSession, at step: RunbookStep) -> RunbookRunState {
        prompter.say(
            "No answer (end of input): run #\(session.run.id ?? 0) stays open at step \(step.number) \(step.title).\n"
                + "Continue it with `sitrep runbook run \(runbook.path) --incident \(incidentKey)`, "
                + "or R in the console.\n")
        return .running
    }

    func stop(_ session: inout RunbookSession, at step: RunbookStep, note: String?) throws -> RunbookRunState {
        session.apply(try runner.record(step, as: .stopped, in: session, note: note, by: attribution))
        session.run = try runner.finish(session, as: .stopped, by: attribution)
        prompter.say("Runbook stopped at step \(step.number) (recorded): \(session.tally).\n")
        return .stopped
    }
}
