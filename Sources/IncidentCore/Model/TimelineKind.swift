/// What a timeline entry records. Raw values are stored and exported, so never rename one.
public enum TimelineKind: String, CaseIterable, Codable, Sendable {
    case note
    case decision
    case comms
    case status
    case severity
    case role
    case action
    case field
    case runbookStep = "runbook-step"
    case commandOutput = "command-output"
    case health
    case handoff
    /// What an alert sender (Alertmanager, a PagerDuty-style sender, a webhook) reported.
    case alert

    /// The kinds a person writes by hand with `sitrep note --kind`.
    public static let handWritten: [TimelineKind] = [.note, .decision, .comms]
}
