import Foundation
import GRDB
import GRDBSQLite

/// The review report straight from SQLite: timeline rows are stepped through one by one, only
/// the columns a review shows, and turned into lines as they arrive, so a 100,000-entry incident
/// never exists twice in memory.
extension SQLiteIncidentStore: PostmortemSource {
    public func postmortemReport(key: String, redactor: Redactor) throws -> PostmortemReport {
        try read { tx in
            let db = tx.db
            let incident = try fetchIncident(tx, key: key)
            let detail = try detail(tx, incident: incident, includingTimeline: false)
            var timeline = PostmortemBuilder.Timeline(redactor: redactor)
            // Sized once from the stored count: growing by doubling copies (and faults in) the lines again and again.
            timeline.collected.reserveCapacity(incident.timelineCount)
            let statement = try db.makeStatement(
                sql: """
                    SELECT sequence, kind, author, eventAt, text, details FROM timelineEntry
                    WHERE incidentId = ? ORDER BY sequence
                    """)
            try statement.setArguments([incident.id])
            // SQLite's C API directly: GRDB's row decoding costs more than the query for 100,000 rows.
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            func text(_ column: Int32) -> String {
                guard let bytes = sqlite3_column_text(handle, column) else { return "" }
                return String(
                    decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))),
                    as: UTF8.self)
            }
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw StoreErrorMapping.map(
                        DatabaseError(
                            resultCode: ResultCode(rawValue: code),
                            message: String(cString: sqlite3_errmsg(db.sqliteConnection))),
                        path: path)
                }
                let sequence = Int(sqlite3_column_int64(handle, 0))
                var eventAt: Date?
                if let bytes = sqlite3_column_text(handle, 3) {
                    eventAt = Timestamp.storedForm(
                        UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, 3))))
                }
                guard let eventAt = eventAt ?? Timestamp.parseDatabase(text(3)) else {
                    throw StoreError.invalid(
                        "\(incident.key): timeline entry \(sequence) has an unreadable time \(text(3))")
                }
                timeline.add(
                    sequence: sequence, kind: TimelineKind(rawValue: text(1)), author: text(2), eventAt: eventAt,
                    text: text(4), details: text(5))
            }
            return PostmortemBuilder.build(detail, timeline: timeline)
        }
    }
}
