import IncidentCore

/// A write the console asks the runtime to perform; the reducer never touches the store itself.
public enum StoreAction: Equatable, Sendable {
    case declare(IncidentDeclaration)
    case note(key: String, text: String, kind: TimelineKind)
    case status(key: String, move: StatusMove, note: String?)
    case severity(key: String, severity: Severity, note: String?)
    case assign(key: String, role: Role, person: String)
    case release(key: String, role: Role, person: String)
    case edit(key: String, field: IncidentField, value: String)
    case addAction(key: String, draft: ActionItemDraft)
    case completeAction(id: Int64)
    case handoff(to: String, notes: String)
    case acknowledgeHandoff
    case writePostmortem(key: String)
}
