import Foundation

/// A change of a check's state after its thresholds, recorded once and sent to linked incidents.
public struct HealthTransition: Sendable, Equatable {
    public var check: String
    public var service: String?
    public var from: HealthState
    public var to: HealthState
    public var at: Date
    /// The sample that completed the run, whose failed conditions are the evidence.
    public var sample: HealthSample
    /// How many consecutive samples agreed when it changed.
    public var streak: Int

    public init(
        check: String, service: String?, from: HealthState, to: HealthState, at: Date, sample: HealthSample, streak: Int
    ) {
        self.check = check
        self.service = service
        self.from = from
        self.to = to
        self.at = at
        self.sample = sample
        self.streak = streak
    }

    /// Whether incident timelines should hear about it: a first `up` after start-up is not news.
    public var isNews: Bool { !(from == .unknown && to == .up) }

    /// The timeline text: `Health check checkout-api is DOWN: [STATUS] (503) == 200`.
    public var sentence: String {
        switch to {
        case .down: "Health check \(check) is DOWN after \(streak) failed probe(s): \(sample.evidence)"
        case .up: "Health check \(check) is UP again after \(streak) successful probe(s)"
        case .unknown: "Health check \(check) state is unknown"
        }
    }
}
