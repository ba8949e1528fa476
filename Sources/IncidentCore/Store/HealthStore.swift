import Foundation

/// Health samples and state changes as the monitor, CLI and console see them.
public protocol HealthStore: Sendable {
    /// Stores the samples in order, trims the history of each check whose record asks for it to
    /// `retention`, and for each record with a transition records it and appends a `health` entry
    /// to every open incident linked to its service, all in one transaction. Returns, per record,
    /// the keys of the incidents that got an entry.
    @discardableResult
    func recordHealthSamples(_ records: [HealthRecord], retention: HealthRetention) throws -> [[String]]
    /// The newest `limit` samples of a check, oldest first by sample time (for a sparkline).
    func healthSamples(check: String, limit: Int) throws -> [HealthSample]
    /// Each check's last recorded state and when it began, to resume after a restart.
    func lastHealthStates() throws -> [String: (state: HealthState, since: Date)]
}

extension HealthStore {
    /// Stores one sample and trims its check's history, as one transaction; see
    /// `recordHealthSamples`.
    @discardableResult
    public func recordHealthSample(_ sample: HealthSample, transition: HealthTransition?, retention: HealthRetention)
        throws -> [String]
    {
        try recordHealthSamples([HealthRecord(sample: sample, transition: transition)], retention: retention).first
            ?? []
    }
}
