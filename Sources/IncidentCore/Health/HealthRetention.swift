/// How many samples to keep per check: both limits apply, so neither a long run nor a short
/// interval grows the database without bound.
public struct HealthRetention: Sendable, Equatable {
    public var maximumAge: Double
    public var maximumSamples: Int

    public init(maximumAge: Double = 24 * 3600, maximumSamples: Int = 10_000) {
        self.maximumAge = maximumAge
        self.maximumSamples = maximumSamples
    }
}
