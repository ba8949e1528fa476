import Foundation

/// A look back across incidents, computed once from recorded milestones and counts. `--json`
/// prints it and the text, CSV, charts, HTML page and console screen all read it, so its field
/// names are an interface: add, never rename.
public struct IncidentStats: Encodable, Sendable, Equatable {
    /// One of TTD, TTA, TTM, TTR over the incidents that recorded both of its milestones.
    public struct Metric: Encodable, Sendable, Equatable {
        public var abbreviation: String
        public var name: String
        public var from: String
        public var to: String
        public var spread: StatsSpread

        enum CodingKeys: String, CodingKey {
            case abbreviation, name, from, to
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(abbreviation, forKey: .abbreviation)
            try container.encode(name, forKey: .name)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try spread.encode(to: encoder)
        }
    }

    /// The incidents of one week, month, service or severity.
    public struct Group: Encodable, Sendable, Equatable {
        /// `2025-01-06` (a week's Monday), `2025-01`, a service name, `(none)`, or `P1`.
        public var key: String
        public var incidents: Int
        public var reopened: Int
        public var metrics: [Metric]
    }

    public struct SeverityCount: Encodable, Sendable, Equatable {
        public var severity: String
        public var incidents: Int
    }

    public struct SeveritySpread: Encodable, Sendable, Equatable {
        public var severity: String
        public var spread: StatsSpread

        enum CodingKeys: String, CodingKey { case severity }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(severity, forKey: .severity)
            try spread.encode(to: encoder)
        }
    }

    public struct OwnerCount: Encodable, Sendable, Equatable {
        /// Nil for items nobody owns.
        public var owner: String?
        public var open: Int
        public var overdue: Int

        enum CodingKeys: String, CodingKey { case owner, open, overdue }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(owner, forKey: .owner)
            try container.encode(open, forKey: .open)
            try container.encode(overdue, forKey: .overdue)
        }
    }

    public struct ActionItems: Encodable, Sendable, Equatable {
        public var open: Int
        /// Open with a due day before the as-of day (UTC).
        public var overdue: Int
        /// Most open first, then by name, unowned last.
        public var byOwner: [OwnerCount]
    }

    public struct RunbookSteps: Encodable, Sendable, Equatable {
        /// Commands that ran and passed, and manual steps marked done.
        public var ran: Int
        /// Failed, timed out, cancelled or interrupted.
        public var failed: Int
        public var skipped: Int
        /// Stopped at, or still running.
        public var other: Int
        /// Every stored outcome with its count, by outcome name.
        public var byOutcome: [String: Int]
    }

    public var formatVersion = 1
    /// What the figures cover, as one line: `2025-01-01 – 2025-03-31, service checkout, P1`.
    public var scope: String
    /// Detection times from `since` (included) to `until` (excluded), ISO-8601 UTC.
    public var since: String
    public var until: String
    public var asOf: String
    public var service: String?
    public var severity: String?
    public var drills: Bool
    public var by: String
    public var incidents: Int
    /// Drills in the window that were left out (0 with `--drills`).
    public var drillsLeftOut: Int
    public var bySeverity: [SeverityCount]
    public var metrics: [Metric]
    /// Incidents reopened at least once.
    public var reopened: Int
    /// `reopened / incidents`, rounded to four places; nil when there are no incidents.
    public var reopenRate: Double?
    /// Incidents per week (per month with `--by month`), empty periods included: the bar chart.
    public var incidentsPerPeriod: [Group]
    public var groups: [Group]
    /// Time to mitigate per severity, P0 first: the percentile strip.
    public var ttmBySeverity: [SeveritySpread]
    public var actionItems: ActionItems
    public var runbookSteps: RunbookSteps

    public var isEmpty: Bool { incidents == 0 }

    /// `no incidents in 2025-01-01 – 2025-03-31, service checkout`.
    public var emptyMessage: String { "no incidents in \(scope)" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(scope, forKey: .scope)
        try container.encode(since, forKey: .since)
        try container.encode(until, forKey: .until)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(service, forKey: .service)
        try container.encode(severity, forKey: .severity)
        try container.encode(drills, forKey: .drills)
        try container.encode(by, forKey: .by)
        try container.encode(incidents, forKey: .incidents)
        try container.encode(drillsLeftOut, forKey: .drillsLeftOut)
        try container.encode(bySeverity, forKey: .bySeverity)
        try container.encode(metrics, forKey: .metrics)
        try container.encode(reopened, forKey: .reopened)
        try container.encode(reopenRate, forKey: .reopenRate)
        try container.encode(incidentsPerPeriod, forKey: .incidentsPerPeriod)
        try container.encode(groups, forKey: .groups)
        try container.encode(ttmBySeverity, forKey: .ttmBySeverity)
        try container.encode(actionItems, forKey: .actionItems)
        try container.encode(runbookSteps, forKey: .runbookSteps)
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion, scope, since, until, asOf, service, severity, drills, by, incidents, drillsLeftOut
        case bySeverity, metrics, reopened, reopenRate, incidentsPerPeriod, groups, ttmBySeverity, actionItems
        case runbookSteps
    }
}
