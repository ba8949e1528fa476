import Foundation

/// Shift handoffs as the CLI and console see them, apart from `IncidentStore` so another backend
/// can take them on separately. Each write is one transaction, like every store write.
public protocol HandoffStore: Sendable {
    /// Freezes a report of everything open, stores the handoff, notes it in every open incident's
    /// timeline and, when asked, makes the incoming person commander of those incidents.
    func createHandoff(_ request: HandoffRequest, by attribution: Attribution) throws -> Handoff
    /// Records who acknowledged and when; `id` nil means the newest unacknowledged handoff.
    func acknowledgeHandoff(id: Int64?, by attribution: Attribution) throws -> Handoff
    /// Newest first.
    func handoffs(limit: Int?) throws -> [Handoff]
    func handoff(id: Int64) throws -> Handoff
    /// The newest unacknowledged handoff, for the console's status bar; nil when all are acknowledged.
    func pendingHandoff() throws -> Handoff?
    /// The report a handoff made at `time` by `from` would freeze, without storing anything:
    /// the console's preview while the notes are being written.
    func previewHandoff(_ request: HandoffRequest, from: String, at time: Date) throws -> HandoffReport
}
