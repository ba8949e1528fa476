/// One probe's result as the store writes it: the sample, the state change it completed (if
/// any), and whether to trim the check's history to retention this time. The monitor trims a
/// check only every so many samples, because finding the oldest sample to keep is the one part of
/// a write whose cost grows with the history.
public struct HealthRecord: Sendable, Equatable {
    public var sample: HealthSample
    public var transition: HealthTransition?
    public var trimsHistory: Bool

    public init(sample: HealthSample, transition: HealthTransition? = nil, trimsHistory: Bool = true) {
        self.sample = sample
        self.transition = transition
        self.trimsHistory = trimsHistory
    }
}
