import IncidentCore

/// A runbook run's store work the reducer asks for; it runs in order off the terminal's thread.
public enum RunbookEffect: Equatable, Sendable {
    case loadLibrary
    /// Resolve and parse NAME|PATH, find an unfinished run to resume and the variables to ask;
    /// with `restart`, stop that unfinished run instead (its file may have changed since).
    case prepare(nameOrPath: String, key: String, restart: Bool = false)
    /// Start the run (or add the answered variables to the resumed one).
    case open(RunbookPreparation, values: [String: String])
    /// Record a manual step done or any step skipped.
    case record(RunbookStep, StepOutcome, RunbookSession)
    case continuePast(StepRun)
    /// Record the stop at `step` and end the run as stopped.
    case stop(RunbookStep, RunbookSession, note: String?)
    /// End the run as completed: every step is settled.
    case finish(RunbookSession)
}
