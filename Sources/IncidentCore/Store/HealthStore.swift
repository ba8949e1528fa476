import Foundation

/// Health samples and state changes as the monitor, CLI and console see them.
public protocol HealthStore: Sendable {
    /// Stores a sample, trims the check's history to `retention`, and when `transition` is given
    /// records it and appends a `health` entry to every open incident linked to its service, all
    /// in one transaction. Returns the keys of the incidents that got an entry.
    @discardableResult
    func recordHealthSample(_ sample: HealthSample, transition: HealthTransition?, retention: HealthRetention) throws
        -> [String]
    /// The newest `limit` samples of a check, oldest first (for a sparkline).
    func healthSamples(check: String, limit: Int) throws -> [HealthSample]
    /// Each check's last recorded state and when it began, to resume after a restart.
    func lastHealthStates() throws -> [String: (state: HealthState, since: Date)]
}
