import Foundation

/// One row of the Health pane: the check, its damped state, and its recent samples.
public struct HealthCheckStatus: Sendable, Equatable {
    public var check: HealthCheck
    public var state: HealthState
    /// When the state last changed (nil until the first change).
    public var since: Date?
    public var lastSample: HealthSample?
    /// The newest samples, oldest first, for a latency and failure sparkline.
    public var recentSamples: [HealthSample]

    public init(
        check: HealthCheck, state: HealthState, since: Date?, lastSample: HealthSample?, recentSamples: [HealthSample]
    ) {
        self.check = check
        self.state = state
        self.since = since
        self.lastSample = lastSample
        self.recentSamples = recentSamples
    }
}
