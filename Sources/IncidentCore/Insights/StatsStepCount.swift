/// How many runbook steps of one incident's runs ended in one outcome.
public struct StatsStepCount: Sendable, Equatable {
    public var incidentId: Int64
    /// A `StepOutcome` raw value as stored.
    public var outcome: String
    public var count: Int

    public init(incidentId: Int64, outcome: String, count: Int) {
        self.incidentId = incidentId
        self.outcome = outcome
        self.count = count
    }
}
