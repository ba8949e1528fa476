/// What the store hands the statistics for one window of detection times: three aggregate-friendly
/// reads (incidents with their milestones, open action items, step outcome counts), not every entry.
public struct StatsRecords: Sendable, Equatable {
    public var incidents: [StatsIncident]
    public var openActions: [StatsOpenAction]
    public var stepCounts: [StatsStepCount]
    /// Every service any incident was ever on, to tell a typo from a quiet service.
    public var knownServices: [String]

    public init(
        incidents: [StatsIncident], openActions: [StatsOpenAction], stepCounts: [StatsStepCount],
        knownServices: [String]
    ) {
        self.incidents = incidents
        self.openActions = openActions
        self.stepCounts = stepCounts
        self.knownServices = knownServices
    }
}
