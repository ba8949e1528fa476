import Foundation
import GRDB

/// One incident: what is wrong, how bad, where it stands, and when each milestone happened.
public struct Incident: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var key: String
    public var title: String
    public var severity: Severity
    public var status: IncidentStatus
    public var summary: String
    public var impact: String
    public var rootCause: String
    public var resolution: String
    public var isDrill: Bool
    public var createdBy: String
    public var detectedAt: Date
    public var declaredAt: Date
    public var acknowledgedAt: Date?
    public var mitigatedAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// Event time of the newest timeline entry, so lists can show staleness without a join.
    public var lastEntryAt: Date
    /// Number of timeline entries and the newest entry's hash: lets `verify` notice deleted tails.
    public var timelineCount: Int
    public var timelineHead: String

    public init(
        id: Int64?,
        key: String,
        title: String,
        severity: Severity,
        status: IncidentStatus,
        summary: String,
        impact: String,
        rootCause: String,
        resolution: String,
        isDrill: Bool,
        createdBy: String,
        detectedAt: Date,
        declaredAt: Date,
        acknowledgedAt: Date?,
        mitigatedAt: Date?,
        resolvedAt: Date?,
        closedAt: Date?,
        lastEntryAt: Date,
        timelineCount: Int,
        timelineHead: String
    ) {
        self.id = id
        self.key = key
        self.title = title
        self.severity = severity
        self.status = status
        self.summary = summary
        self.impact = impact
        self.rootCause = rootCause
        self.resolution = resolution
        self.isDrill = isDrill
        self.createdBy = createdBy
        self.detectedAt = detectedAt
        self.declaredAt = declaredAt
        self.acknowledgedAt = acknowledgedAt
        self.mitigatedAt = mitigatedAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.lastEntryAt = lastEntryAt
        self.timelineCount = timelineCount
        self.timelineHead = timelineHead
    }

    public func time(of milestone: Milestone) -> Date? {
        switch milestone {
        case .detected: detectedAt
        case .declared: declaredAt
        case .acknowledged: acknowledgedAt
        case .mitigated: mitigatedAt
        case .resolved: resolvedAt
        case .closed: closedAt
        }
    }

    mutating func setTime(_ date: Date?, of milestone: Milestone) {
        switch milestone {
        case .detected: if let date { detectedAt = date }
        case .declared: if let date { declaredAt = date }
        case .acknowledged: acknowledgedAt = date
        case .mitigated: mitigatedAt = date
        case .resolved: resolvedAt = date
        case .closed: closedAt = date
        }
    }
}

extension Incident: StoredRecord {
    public static let databaseTableName = "incident"

    /// Column by column rather than through Codable: every note, list and console refresh reads
    /// incidents, and the Codable path pays for a decoder and runtime type checks on each field.
    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            key: try row.decode(forColumn: "key"),
            title: try row.decode(forColumn: "title"),
            severity: try StoredColumn.value(row, "severity"),
            status: try StoredColumn.value(row, "status"),
            summary: try row.decode(forColumn: "summary"),
            impact: try row.decode(forColumn: "impact"),
            rootCause: try row.decode(forColumn: "rootCause"),
            resolution: try row.decode(forColumn: "resolution"),
            isDrill: try row.decode(forColumn: "isDrill"),
            createdBy: try row.decode(forColumn: "createdBy"),
            detectedAt: try StoredColumn.date(row, "detectedAt"),
            declaredAt: try StoredColumn.date(row, "declaredAt"),
            acknowledgedAt: try StoredColumn.optionalDate(row, "acknowledgedAt"),
            mitigatedAt: try StoredColumn.optionalDate(row, "mitigatedAt"),
            resolvedAt: try StoredColumn.optionalDate(row, "resolvedAt"),
            closedAt: try StoredColumn.optionalDate(row, "closedAt"),
            lastEntryAt: try StoredColumn.date(row, "lastEntryAt"),
            timelineCount: try row.decode(forColumn: "timelineCount"),
            timelineHead: try row.decode(forColumn: "timelineHead"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["key"] = key
        container["title"] = title
        container["severity"] = severity.rawValue
        container["status"] = status.rawValue
        container["summary"] = summary
        container["impact"] = impact
        container["rootCause"] = rootCause
        container["resolution"] = resolution
        container["isDrill"] = isDrill
        container["createdBy"] = createdBy
        container["detectedAt"] = Timestamp.database(detectedAt)
        container["declaredAt"] = Timestamp.database(declaredAt)
        container["acknowledgedAt"] = acknowledgedAt.map(Timestamp.database)
        container["mitigatedAt"] = mitigatedAt.map(Timestamp.database)
        container["resolvedAt"] = resolvedAt.map(Timestamp.database)
        container["closedAt"] = closedAt.map(Timestamp.database)
        container["lastEntryAt"] = Timestamp.database(lastEntryAt)
        container["timelineCount"] = timelineCount
        container["timelineHead"] = timelineHead
    }
}
