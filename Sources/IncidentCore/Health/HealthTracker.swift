import Foundation

/// Applies a check's failure and success thresholds to its samples, Gatus-style: `down` after
/// `failureThreshold` failures in a row, `up` again after `successThreshold` successes in a row.
/// The first success after start-up makes an unknown check `up` at once. A pure value, so the
/// thresholds are tested by feeding samples with any timestamps, no clock and no sleeping.
public struct HealthTracker: Sendable, Equatable {
    public let check: String
    public let service: String?
    public let failureThreshold: Int
    public let successThreshold: Int
    public private(set) var state: HealthState = .unknown
    public private(set) var consecutiveFailures = 0
    public private(set) var consecutiveSuccesses = 0
    public private(set) var lastChange: Date?

    public init(check: HealthCheck) {
        self.check = check.key
        service = check.service
        failureThreshold = check.failureThreshold
        successThreshold = check.successThreshold
    }

    /// Restores the state last recorded, so a restart neither forgets an outage nor repeats it.
    public init(check: HealthCheck, state: HealthState, since: Date?) {
        self.init(check: check)
        self.state = state
        lastChange = since
    }

    /// Counts the sample and returns the transition it completes, if any.
    public mutating func record(_ sample: HealthSample) -> HealthTransition? {
        if sample.isUp {
            consecutiveSuccesses += 1
            consecutiveFailures = 0
        } else {
            consecutiveFailures += 1
            consecutiveSuccesses = 0
        }
        let next: HealthState
        switch state {
        case .unknown:
            next = sample.isUp ? .up : (consecutiveFailures >= failureThreshold ? .down : .unknown)
        case .up:
            next = consecutiveFailures >= failureThreshold ? .down : .up
        case .down:
            next = consecutiveSuccesses >= successThreshold ? .up : .down
        }
        guard next != state else { return nil }
        let transition = HealthTransition(
            check: check, service: service, from: state, to: next, at: sample.sampledAt, sample: sample,
            streak: sample.isUp ? consecutiveSuccesses : consecutiveFailures)
        state = next
        lastChange = sample.sampledAt
        return transition
    }
}
