import Foundation
import GRDB

/// Handoffs in SQLite, and the queries their report is built from.
extension SQLiteTransaction {
    public func insert(_ handoff: Handoff) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO handoff (fromPerson, toPerson, createdAt, notes, report, reportFormat, transfersCommand)
                VALUES (?, ?, ?, ?, ?, 'json', ?)
                """,
            arguments: [
                handoff.from, handoff.to, Timestamp.database(handoff.createdAt), handoff.notes,
                try handoff.report.json(), handoff.transfersCommand,
            ])
        return db.lastInsertedRowID
    }

    public func handoff(id: Int64) throws -> Handoff? {
        try Row.fetchOne(db, sql: "SELECT * FROM handoff WHERE id = ?", arguments: [id]).map(Self.handoff(from:))
    }

    public func newestPendingHandoff() throws -> Handoff? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM handoff WHERE acknowledgedAt IS NULL ORDER BY createdAt DESC, id DESC LIMIT 1"
        ).map(Self.handoff(from:))
    }

    public func handoffs(limit: Int?) throws -> [Handoff] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM handoff ORDER BY createdAt DESC, id DESC LIMIT ?", arguments: [limit ?? -1]
        ).map(Self.handoff(from:))
    }

    public func acknowledge(handoffId: Int64, at: Date, by person: String) throws {
        try db.execute(
            sql: "UPDATE handoff SET acknowledgedAt = ?, acknowledgedBy = ? WHERE id = ?",
            arguments: [Timestamp.database(at), person, handoffId])
    }

    static func handoff(from row: Row) throws -> Handoff {
        let id: Int64 = row["id"]
        let reportText: String = row["report"]
        let report: HandoffReport
        do {
            report = try HandoffReport.decode(json: reportText)
        } catch {
            throw StoreError.invalid("handoff #\(id) has a report this sitrep cannot read (\(error))")
        }
        return Handoff(
            id: id, from: row["fromPerson"], to: row["toPerson"], createdAt: try StoredColumn.date(row, "createdAt"),
            notes: row["notes"], transfersCommand: row["transfersCommand"], report: report,
            acknowledgedAt: try StoredColumn.optionalDate(row, "acknowledgedAt"), acknowledgedBy: row["acknowledgedBy"])
    }

    public func openIncidents(declaredBy time: Date) throws -> [(incident: Incident, commander: String?)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT incident.*,
                  (SELECT person FROM roleAssignment
                    WHERE incidentId = incident.id AND role = 'commander' AND endedAt IS NULL
                    ORDER BY id DESC LIMIT 1) AS currentCommander
                FROM incident WHERE status IN \(Self.activeStatusList) AND declaredAt <= ?
                ORDER BY severity, declaredAt, id
                """, arguments: [Timestamp.database(time)]
        ).map { row in (incident: try Incident(row: row), commander: row["currentCommander"]) }
    }

    public func recentEntries(incidentId: Int64, upTo time: Date, limit: Int) throws -> [TimelineEntry] {
        try TimelineEntry.fetchAll(
            db,
            sql: """
                SELECT * FROM timelineEntry WHERE incidentId = ? AND eventAt <= ?
                ORDER BY eventAt DESC, sequence DESC LIMIT ?
                """, arguments: [incidentId, Timestamp.database(time), limit])
    }

    public func latestSamples(upTo time: Date) throws -> [HealthSample] {
        // SQLite takes the bare columns of a max() aggregate from the row holding the maximum.
        try Row.fetchAll(
            db,
            sql: """
                SELECT "check", isUp, latencyMilliseconds, error, max(sampledAt) AS lastSampleAt
                FROM healthSample WHERE sampledAt <= ? GROUP BY "check" ORDER BY "check"
                """, arguments: [Timestamp.database(time)]
        ).map { row in
            HealthSample(
                check: row["check"], sampledAt: try StoredColumn.date(row, "lastSampleAt"), isUp: row["isUp"],
                latencyMilliseconds: row["latencyMilliseconds"], conditionResults: [], error: row["error"])
        }
    }

    public func downSince(check: String, upTo time: Date) throws -> Date? {
        let stamp = Timestamp.database(time)
        return try String.fetchOne(
            db,
            sql: """
                SELECT min(sampledAt) FROM healthSample WHERE "check" = ? AND sampledAt <= ? AND sampledAt >
                  coalesce((SELECT max(sampledAt) FROM healthSample
                            WHERE "check" = ? AND isUp AND sampledAt <= ?), '')
                """, arguments: [check, stamp, check, stamp]
        ).flatMap(Timestamp.parseDatabase)
    }

    public func runningRuns(startedBy time: Date) throws -> [HandoffReport.RunningRunbook] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT runbookRun.id, runbookRun.runbookTitle, runbookRun.runbookPath, runbookRun.startedBy,
                  runbookRun.startedAt, incident.key AS incidentKey,
                  (SELECT count(*) FROM stepRun WHERE stepRun.runbookRunId = runbookRun.id) AS steps
                FROM runbookRun JOIN incident ON incident.id = runbookRun.incidentId
                WHERE runbookRun.state = 'running' AND runbookRun.startedAt <= ?
                ORDER BY runbookRun.startedAt, runbookRun.id
                """, arguments: [Timestamp.database(time)]
        ).map { row in
            HandoffReport.RunningRunbook(
                id: row["id"], incident: row["incidentKey"], title: row["runbookTitle"], path: row["runbookPath"],
                startedBy: row["startedBy"], startedAt: try StoredColumn.date(row, "startedAt"),
                stepsRecorded: row["steps"])
        }
    }
}
