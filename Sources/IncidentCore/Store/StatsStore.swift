/// The reads behind `sitrep stats` and the console's Insights screen.
public protocol StatsStore: Sendable {
    /// Incidents detected in `window` with their milestones, services and reopens, the open action
    /// items and runbook step outcome counts of those incidents, and every service name known.
    func statsRecords(in window: StatsWindow) throws -> StatsRecords
}
