import Foundation
import GRDB

/// How `Incident` is stored in SQLite: its table and columns, read and written by GRDB.
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
