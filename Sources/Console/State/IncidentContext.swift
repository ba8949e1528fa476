import IncidentCore

/// What surrounds the selected incident: its runbook progress and any handoff waiting for an
/// acknowledgement (which concerns everyone, selected incident or not).
public struct IncidentContext: Equatable, Sendable {
    public var key: String?
    public var runbook: RunbookProgress?
    public var pendingHandoff: Handoff?

    public init(key: String?, runbook: RunbookProgress?, pendingHandoff: Handoff?) {
        self.key = key
        self.runbook = runbook
        self.pendingHandoff = pendingHandoff
    }
}
