import Foundation

/// Runbook runs as the CLI and console see them: each write is one transaction that also appends
/// a hash-chained `runbook-step` entry to the incident's timeline, so the record and the
/// timeline can never disagree.
public protocol RunbookStore: Sendable {
    /// Starts a run of `runbook` on the incident with the operator's variable values.
    func startRunbookRun(key: String, runbook: Runbook, variables: [String: String], by attribution: Attribution)
        throws -> RunbookRun
    /// The unfinished run of the runbook at `runbookPath` on the incident, for resuming.
    func openRunbookRun(key: String, runbookPath: String) throws -> RunbookRun?
    func runbookRun(id: Int64) throws -> RunbookRun
    /// Every run on the incident, oldest first.
    func runbookRuns(key: String) throws -> [RunbookRun]
    /// The steps recorded for a run, in the order they were recorded.
    func stepRuns(runId: Int64) throws -> [StepRun]
    /// Adds variable values given after the run started (a later step needed more).
    func addRunVariables(runId: Int64, variables: [String: String]) throws -> RunbookRun

    /// Records that a command step was confirmed and is starting (outcome `running`), before its
    /// process exists, so a crash mid-step leaves a trace that resuming turns into `interrupted`.
    func beginStep(runId: Int64, step: RunbookStep, invocation: StepInvocation, by attribution: Attribution) throws
        -> StepRun
    /// Records the begun step's process group once its process exists, so a sitrep resuming
    /// after this one was killed can end what the step left running.
    func recordStepProcess(stepRunId: Int64, process: StepProcess) throws
    /// Records how a begun step ended, with its output, and appends the timeline entries.
    func finishStep(stepRunId: Int64, result: StepExecutionResult) throws -> StepRun
    /// Records a step that did not run a process: a manual step done, or any step skipped or stopped at.
    func recordStep(
        runId: Int64, step: RunbookStep, outcome: StepOutcome, note: String?, by attribution: Attribution
    ) throws -> StepRun
    /// Records the operator's choice to go on after a failed, cancelled or timed-out step.
    func recordContinue(stepRunId: Int64, by attribution: Attribution) throws -> StepRun
    /// Turns steps left `running` by a sitrep that went away into `interrupted`; the records in
    /// `leftoversEnded` say their leftover processes were ended.
    func markInterrupted(runId: Int64, leftoversEnded: Set<Int64>, by attribution: Attribution) throws -> [StepRun]
    /// Ends the run as completed or stopped.
    func finishRunbookRun(runId: Int64, state: RunbookRunState, by attribution: Attribution) throws -> RunbookRun
}
