import Foundation
import GRDB

/// One append-only line of an incident's history. `hash` chains it to the entry before it.
public struct TimelineEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var incidentId: Int64
    /// 1, 2, 3… within the incident; a gap means an entry was deleted behind sitrep's back.
    public var sequence: Int
    public var kind: TimelineKind
    public var author: String
    /// When it happened (may be back-dated with `--at`).
    public var eventAt: Date
    /// When sitrep wrote it down (always the clock at write time).
    public var recordedAt: Date
    public var text: String
    /// Machine-readable facts such as old and new values, as a JSON object with sorted keys.
    public var details: String
    public var previousHash: String
    public var hash: String

    public init(
        id: Int64?,
        incidentId: Int64,
        sequence: Int,
        kind: TimelineKind,
        author: String,
        eventAt: Date,
        recordedAt: Date,
        text: String,
        details: String,
        previousHash: String,
        hash: String
    ) {
        self.id = id
        self.incidentId = incidentId
        self.sequence = sequence
        self.kind = kind
        self.author = author
        self.eventAt = eventAt
        self.recordedAt = recordedAt
        self.text = text
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    public var detailValues: [String: String] {
        guard let data = details.data(using: .utf8),
            let object = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return object
    }
}

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
