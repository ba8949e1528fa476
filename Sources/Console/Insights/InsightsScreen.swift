import IncidentCore

/// The Insights screen: `sitrep stats` for the query it was opened with, figures then charts;
/// `stats` is nil until the store has answered.
public struct InsightsScreen: Equatable, Sendable {
    public var query: StatsQuery
    public var stats: IncidentStats?
    /// Why the store could not answer, shown in place of the figures.
    public var problem: String?
    public var scrollOffset = 0

    public init(query: StatsQuery, stats: IncidentStats? = nil) {
        self.query = query
        self.stats = stats
    }
}
