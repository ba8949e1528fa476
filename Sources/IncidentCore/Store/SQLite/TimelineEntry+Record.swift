import Foundation
import GRDB

/// How `TimelineEntry` is stored in SQLite: its table and columns, read and written by GRDB.
extension TimelineEntry: StoredRecord {
    public static let databaseTableName = "timelineEntry"

    /// Column by column rather than through Codable: `show`, exports and postmortems read whole
    /// timelines, and every note writes one entry.
    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            incidentId: try row.decode(forColumn: "incidentId"),
            sequence: try row.decode(forColumn: "sequence"),
            kind: try StoredColumn.value(row, "kind"),
            author: try row.decode(forColumn: "author"),
            eventAt: try StoredColumn.date(row, "eventAt"),
            recordedAt: try StoredColumn.date(row, "recordedAt"),
            text: try row.decode(forColumn: "text"),
            details: try row.decode(forColumn: "details"),
            previousHash: try row.decode(forColumn: "previousHash"),
            hash: try row.decode(forColumn: "hash"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["incidentId"] = incidentId
        container["sequence"] = sequence
        container["kind"] = kind.rawValue
        container["author"] = author
        container["eventAt"] = Timestamp.database(eventAt)
        container["recordedAt"] = Timestamp.database(recordedAt)
        container["text"] = text
        container["details"] = details
        container["previousHash"] = previousHash
        container["hash"] = hash
    }
}
