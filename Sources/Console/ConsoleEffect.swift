/// Work the reducer asks for; the runtime performs it off the UI thread and posts the outcome
/// back as an event.
public enum ConsoleEffect: Equatable, Sendable {
    case loadIncidents(includeInactive: Bool)
    case loadTimeline(key: String, request: TimelineRequest)
    /// Runbook progress of the incident and the pending handoff.
    case loadContext(key: String?)
    case perform(StoreAction)
    case runbook(RunbookEffect)
    case handoff(HandoffEffect)
    case quit
}
