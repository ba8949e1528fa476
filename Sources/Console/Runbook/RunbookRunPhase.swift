import IncidentCore

/// Where a console run stands, which decides what the runbook pane shows and which keys act.
public enum RunbookRunPhase: Equatable, Sendable {
    /// Reading the file and looking for an unfinished run.
    case preparing
    /// The file has problems: they are shown and nothing can run.
    case problems
    /// Asking for the run's variables one at a time, once per run.
    case askingVariables(values: [String: String], remaining: [RunbookVariable])
    /// Showing step `stepIndex` and waiting for y, s or q.
    case confirming(stepIndex: Int)
    /// A high-risk step: waiting for its name to be typed.
    case typingName(stepIndex: Int)
    /// The step ended badly: retry, continue past it (recorded) or stop.
    case afterFailure(stepIndex: Int)
    case running(stepIndex: Int, cancelling: Bool)
    /// A store write is in flight; keys wait for its result.
    case recording
    case finished(RunbookRunState)
}
