import Foundation

/// The store as the CLI and console see it: intent-named writes, each one transaction, and reads.
/// A protocol so that another backend (a shared server database) can replace SQLite later.
public protocol IncidentStore: Sendable {
    func declareIncident(_ declaration: IncidentDeclaration, by attribution: Attribution) throws -> Incident
    func appendNote(key: String, text: String, kind: TimelineKind, by attribution: Attribution) throws
        -> TimelineEntry
    func changeStatus(key: String, move: StatusMove, note: String?, by attribution: Attribution) throws -> Incident
    func changeSeverity(key: String, to severity: Severity, note: String?, by attribution: Attribution) throws
        -> Incident
    func assignRole(key: String, role: Role, person: String, by attribution: Attribution) throws -> RoleAssignment
    func releaseRole(key: String, role: Role, person: String, by attribution: Attribution) throws
    func updateField(key: String, field: IncidentField, value: String, by attribution: Attribution) throws -> Incident
    func addActionItem(key: String, draft: ActionItemDraft, by attribution: Attribution) throws -> ActionItem
    func completeActionItem(id: Int64, by attribution: Attribution) throws -> ActionItem

    func incidents(includeInactive: Bool) throws -> [IncidentSummary]
    func incident(key: String) throws -> Incident
    func detail(key: String) throws -> IncidentDetail
    func actionItems(key: String?, includeDone: Bool) throws -> [(incidentKey: String, item: ActionItem)]
    func timeline(key: String, fromSequence: Int, limit: Int) throws -> [TimelineEntry]
    func verifyChains(key: String?) throws -> ChainReport
    /// Changes whenever any process commits to the database: cheap to poll on every console tick.
    func changeToken() throws -> Int64
}
