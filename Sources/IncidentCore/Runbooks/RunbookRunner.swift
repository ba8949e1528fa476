import Foundation
import Logging

/// The effects of driving a runbook on an incident: start or resume a run, execute a confirmed
/// step while streaming its output, record skips, stops and decisions. Each method returns the
/// store's record so a UI folds it into its `RunbookSession` with `apply`.
public struct RunbookRunner: Sendable {
    public let store: any RunbookStore
    public let executor: StepExecutor
    /// Whether a pid is another live sitrep; injected by tests, which have no second sitrep.
    let isLiveSitrep: @Sendable (pid_t) -> Bool

    public init(
        store: any RunbookStore, executor: StepExecutor = StepExecutor(),
        isLiveSitrep: @escaping @Sendable (pid_t) -> Bool = StepProcess.isAnotherSitrep
    ) {
        self.store = store
        self.executor = executor
        self.isLiveSitrep = isLiveSitrep
    }

    /// The unfinished run of `runbook` on the incident, with steps a dead sitrep left running
    /// marked interrupted; nil when there is none. Refuses when the file changed since the run began.
    public func resume(runbook: Runbook, incidentKey: String, by attribution: Attribution) throws -> RunbookSession? {
        guard let run = try store.openRunbookRun(key: incidentKey, runbookPath: runbook.path) else { return nil }
        guard run.contentHash == runbook.contentHash else {
            throw StoreError.refused(
                "\(runbook.path) changed since run #\(run.id!) began on \(incidentKey); steps may have moved. "
                    + "Stop that run and start afresh (sitrep runbook run … --restart; in the console "
                    + ":runbook \(((runbook.path as NSString).lastPathComponent as NSString).deletingPathExtension) --restart)"
            )
        }
        try interruptLeftRunning(run, by: attribution)
        return RunbookSession(
            incidentKey: incidentKey, runbook: runbook, run: run, records: try store.stepRuns(runId: run.id!))
    }

    /// Marks the steps still recorded as running interrupted (their sitrep died), first ending the
    /// process groups they left behind, since nothing enforces their timeout any more. A step
    /// still running under another live sitrep (a second console on the same incident) is that
    /// sitrep's to finish: taking the run over here is refused, and nothing is written.
    func interruptLeftRunning(_ run: RunbookRun, by attribution: Attribution) throws {
        let running = try store.stepRuns(runId: run.id!).filter { $0.outcome == .running }
        for record in running {
            guard let owner = record.process?.drivingSitrep(isLiveSitrep: isLiveSitrep) else { continue }
            throw StoreError.refused(
                "step \(record.stepNumber) \(record.title) of run #\(run.id!) is running in another sitrep "
                    + "(pid \(owner)); finish or stop it there")
        }
        var ended = Set<Int64>()
        for record in running {
            guard let id = record.id, let process = record.process else { continue }
            if process.endIfStillOurs(grace: executor.grace, stepRunId: id, isLiveSitrep: isLiveSitrep) {
                ended.insert(id)
            }
        }
        _ = try store.markInterrupted(runId: run.id!, leftoversEnded: ended, by: attribution)
    }

    public func start(
        runbook: Runbook, incidentKey: String, variables: [String: String], by attribution: Attribution
    ) throws -> RunbookSession {
        let run = try store.startRunbookRun(key: incidentKey, runbook: runbook, variables: variables, by: attribution)
        LogFile.logger.info(
            "runbook run started",
            metadata: [
                "run": "\(run.id ?? 0)", "runbook": "\(runbook.path)", "incident": "\(incidentKey)",
                "by": "\(attribution.author)",
            ])
        return RunbookSession(incidentKey: incidentKey, runbook: runbook, run: run, records: [])
    }

    /// Ends the unfinished run of this runbook (whatever its file now says) as stopped.
    public func stopOpenRun(runbookPath: String, incidentKey: String, by attribution: Attribution) throws {
        guard let run = try store.openRunbookRun(key: incidentKey, runbookPath: runbookPath) else { return }
        try interruptLeftRunning(run, by: attribution)
        _ = try store.finishRunbookRun(runId: run.id!, state: .stopped, by: attribution)
    }

    /// Runs a command step the operator has just confirmed: records the confirmation, runs it
    /// (output to `onOutput` as it arrives; `control.cancel()` or task cancellation stops it) and
    /// records the result with its timeline entries.
    public func execute(
        _ step: RunbookStep, in session: RunbookSession, confirmedBy attribution: Attribution,
        control: StepControl = StepControl(), onOutput: (@Sendable ([UInt8]) -> Void)? = nil
    ) async throws -> StepRun {
        guard step.kind == .command else {
            throw StoreError.invalid("step `\(step.id)` is \(step.kind.rawValue), not a command to run")
        }
        if let problem = step.problem {
            throw StoreError.refused("step `\(step.id)` cannot run: \(problem)")
        }
        var invocation = session.invocation(for: step)
        let begun = try store.beginStep(runId: session.run.id!, step: step, invocation: invocation, by: attribution)
        // Inherited by everything the step starts: how a resume recognises what is left of the
        // group once its leader has exited.
        invocation.environment[StepProcess.marker] = String(begun.id!)
        let store = self.store
        LogFile.logger.info(
            "step started",
            metadata: [
                "run": "\(session.run.id!)", "step": "\(step.number)", "name": "\(step.id)",
                "incident": "\(session.incidentKey)", "confirmedBy": "\(attribution.author)",
            ])
        let result = await executor.run(
            invocation, control: control, onOutput: onOutput,
            onStart: { process in
                // Best effort: a failed write only means a later resume cannot end this group.
                try? store.recordStepProcess(stepRunId: begun.id!, process: process)
            })
        let finished = try store.finishStep(stepRunId: begun.id!, result: result)
        LogFile.logger.info(
            "step finished",
            metadata: [
                "run": "\(session.run.id!)", "step": "\(step.number)", "outcome": "\(finished.outcome.rawValue)",
                "exit": "\(finished.exitStatus.map(String.init) ?? "none")",
                "milliseconds": "\(finished.durationMilliseconds ?? 0)", "outputBytes": "\(finished.outputBytes)",
            ])
        return finished
    }

    /// A manual step confirmed done, or any step skipped or stopped at.
    public func record(
        _ step: RunbookStep, as outcome: StepOutcome, in session: RunbookSession, note: String? = nil,
        by attribution: Attribution
    ) throws -> StepRun {
        try store.recordStep(runId: session.run.id!, step: step, outcome: outcome, note: note, by: attribution)
    }

    public func continuePast(_ record: StepRun, by attribution: Attribution) throws -> StepRun {
        try store.recordContinue(stepRunId: record.id!, by: attribution)
    }

    public func addVariables(_ values: [String: String], to session: RunbookSession) throws -> RunbookRun {
        try store.addRunVariables(runId: session.run.id!, variables: values)
    }

    public func finish(_ session: RunbookSession, as state: RunbookRunState, by attribution: Attribution) throws
        -> RunbookRun
    {
        let run = try store.finishRunbookRun(runId: session.run.id!, state: state, by: attribution)
        LogFile.logger.info(
            "runbook run ended", metadata: ["run": "\(session.run.id!)", "state": "\(state.rawValue)"])
        return run
    }
}
