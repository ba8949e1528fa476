/// Where a runbook run stands. Raw values are stored, so never rename one.
public enum RunbookRunState: String, CaseIterable, Codable, Sendable {
    /// Started and not finished; reopening the runbook on the incident continues it.
    case running
    /// Every step was run, done or skipped.
    case completed
    /// The operator stopped it (`q`, or chose not to continue after a failed step).
    case stopped
}
