/// What the monitor tells subscribers after each probe: the sample, any state change it made,
/// and which incidents' timelines heard about it.
public struct HealthEvent: Sendable, Equatable {
    public var sample: HealthSample
    public var state: HealthState
    public var transition: HealthTransition?
    public var notifiedIncidents: [String]
    /// Set when the sample could not be stored; polling goes on.
    public var storeError: String?

    public init(
        sample: HealthSample, state: HealthState, transition: HealthTransition?, notifiedIncidents: [String],
        storeError: String?
    ) {
        self.sample = sample
        self.state = state
        self.transition = transition
        self.notifiedIncidents = notifiedIncidents
        self.storeError = storeError
    }
}
