/// How `sitrep stats --by` splits the incidents.
public enum StatsGrouping: String, CaseIterable, Codable, Sendable {
    /// ISO weeks, Monday to Sunday (UTC), named by their Monday.
    case week
    /// Calendar months (UTC), `2025-01`.
    case month
    /// Each service; an incident on two services counts in both, one on none under `(none)`.
    case service
    /// P0 to P3, the severity it has now.
    case severity

    /// Periods in time, which a bar chart draws with empty periods kept.
    public var isPeriod: Bool { self == .week || self == .month }
}
