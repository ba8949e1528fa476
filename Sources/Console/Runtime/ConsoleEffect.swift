import IncidentCore

/// Work the reducer asks for; `EffectRouter` sends each to where it runs, off the terminal's
/// thread where it touches the store or a process, and the outcome comes back as an event.
public enum ConsoleEffect: Equatable, Sendable {
    case loadIncidents(includeInactive: Bool)
    case loadTimeline(key: String, request: TimelineRequest)
    /// Runbook progress of the incident and the pending handoff.
    case loadContext(key: String?)
    case perform(StoreAction)
    case handoff(HandoffEffect)
    /// Figures and charts for the Insights screen.
    case loadInsights(StatsQuery)
    /// A runbook run's store work: reading, starting, recording and ending it.
    case runbook(RunbookEffect)
    /// Run a command step the operator has just confirmed, as its own task.
    case runStep(RunbookStep, RunbookSession)
    /// End the running step's process group (Ctrl-C or `x`).
    case cancelStep
    /// Discard keys typed before the prompt now being drawn, then post `.typeAheadFlushed`.
    case flushTypeAhead
}
