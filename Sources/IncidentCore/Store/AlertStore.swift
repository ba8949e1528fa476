import Foundation

/// Alerts as `sitrep serve` and `sitrep alert` record them: each notification is one write
/// transaction that declares an incident for a new alert group or appends what changed, and
/// writes nothing for a re-send.
public protocol AlertStore: Sendable {
    func recordAlert(_ notification: AlertNotification, plan: AlertPlan) throws -> AlertOutcome
}
