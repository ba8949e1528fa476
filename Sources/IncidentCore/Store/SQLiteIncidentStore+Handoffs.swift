import Foundation
import GRDB

/// Handoffs on the SQLite store: the report is built inside the same immediate transaction that
/// stores it and writes the timeline entries, so what was handed over is exactly what was there.
extension SQLiteIncidentStore {
    public func createHandoff(_ request: HandoffRequest, by attribution: Attribution) throws -> Handoff {
        let to = Self.clean(request.to)
        guard !to.isEmpty else { throw StoreError.invalid("a handoff needs the incoming engineer's name") }
        let from = try author(attribution)
        guard to != from else {
            throw StoreError.refused("\(from) cannot hand over to themselves; nothing was written")
        }
        let notes = Self.clean(request.notes)
        return try write { db in
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            let report = try handoffReport(
                db, request: HandoffRequest(to: to, notes: notes, transfersCommand: request.transfersCommand),
                from: from, at: at)
            try db.execute(
                sql: """
                    INSERT INTO handoff (fromPerson, toPerson, createdAt, notes, report, reportFormat, transfersCommand)
                    VALUES (?, ?, ?, ?, ?, 'json', ?)
                    """,
                arguments: [from, to, Timestamp.database(at), notes, try report.json(), request.transfersCommand])
            let id = db.lastInsertedRowID
            for open in report.incidents {
                var incident = try fetchIncident(db, key: open.key)
                var details = ["handoff": String(id), "from": from, "to": to]
                var text = "Shift handed over from \(from) to \(to) (handoff #\(id))"
                if request.transfersCommand {
                    details["commander"] = "true"
                    text += " with command"
                }
                try appendEntry(
                    db, to: &incident, kind: .handoff, text: text, details: details, author: from, eventAt: at,
                    recordedAt: recordedAt)
                if request.transfersCommand, open.commander != to {
                    try assign(
                        db, incident: &incident, role: .commander, person: to, author: from, eventAt: at,
                        recordedAt: recordedAt)
                }
            }
            return Handoff(
                id: id, from: from, to: to, createdAt: at, notes: notes, transfersCommand: request.transfersCommand,
                report: report, acknowledgedAt: nil, acknowledgedBy: nil)
        }
    }

    public func acknowledgeHandoff(id: Int64?, by attribution: Attribution) throws -> Handoff {
        let who = try author(attribution)
        return try write { db in
            let row =
                if let id {
                    try Row.fetchOne(db, sql: "SELECT * FROM handoff WHERE id = ?", arguments: [id])
                } else {
                    try Row.fetchOne(
                        db,
                        sql:
                            "SELECT * FROM handoff WHERE acknowledgedAt IS NULL ORDER BY createdAt DESC, id DESC LIMIT 1"
                    )
                }
            guard let row else {
                throw StoreError.notFound(id.map { "no handoff #\($0)" } ?? "no handoff is waiting to be acknowledged")
            }
            var handoff = try Self.handoff(from: row)
            if let acknowledgedAt = handoff.acknowledgedAt {
                throw StoreError.refused(
                    "handoff #\(handoff.id) was already acknowledged by \(handoff.acknowledgedBy ?? "someone") at "
                        + "\(Timestamp.iso(acknowledgedAt)); nothing was written")
            }
            guard who != handoff.from else {
                throw StoreError.refused(
                    "\(who) made handoff #\(handoff.id); the incoming engineer (\(handoff.to)) acknowledges it; "
                        + "nothing was written")
            }
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            guard at >= handoff.createdAt else {
                throw StoreError.refused(
                    "the acknowledgement at \(Timestamp.iso(at)) is before handoff #\(handoff.id) at "
                        + "\(Timestamp.iso(handoff.createdAt)); nothing was written")
            }
            try db.execute(
                sql: "UPDATE handoff SET acknowledgedAt = ?, acknowledgedBy = ? WHERE id = ?",
                arguments: [Timestamp.database(at), who, handoff.id])
            handoff.acknowledgedAt = at
            handoff.acknowledgedBy = who
            let text =
                who == handoff.to
                ? "\(who) acknowledged handoff #\(handoff.id) from \(handoff.from)"
                : "\(who) acknowledged handoff #\(handoff.id) from \(handoff.from) to \(handoff.to)"
            for open in handoff.report.incidents {
                var incident = try fetchIncident(db, key: open.key)
                try appendEntry(
                    db, to: &incident, kind: .handoff, text: text,
                    details: [
                        "handoff": String(handoff.id), "acknowledged": "true", "by": who, "from": handoff.from,
                        "to": handoff.to,
                    ], author: who, eventAt: at, recordedAt: recordedAt)
            }
            return handoff
        }
    }

    public func handoffs(limit: Int?) throws -> [Handoff] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM handoff ORDER BY createdAt DESC, id DESC LIMIT ?", arguments: [limit ?? -1])
            return try rows.map(Self.handoff(from:))
        }
    }

    public func handoff(id: Int64) throws -> Handoff {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM handoff WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("no handoff #\(id)")
            }
            return try Self.handoff(from: row)
        }
    }

    public func pendingHandoff() throws -> Handoff? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM handoff WHERE acknowledgedAt IS NULL ORDER BY createdAt DESC, id DESC LIMIT 1"
            ).map(Self.handoff(from:))
        }
    }

    public func previewHandoff(_ request: HandoffRequest, from: String, at time: Date) throws -> HandoffReport {
        try read { db in
            try handoffReport(db, request: request, from: from, at: Timestamp.truncated(time))
        }
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
            id: id, from: row["fromPerson"], to: row["toPerson"], createdAt: try date(row, "createdAt"),
            notes: row["notes"], transfersCommand: row["transfersCommand"], report: report,
            acknowledgedAt: try (row["acknowledgedAt"] as String?).map { _ in try date(row, "acknowledgedAt") },
            acknowledgedBy: row["acknowledgedBy"])
    }

    static func date(_ row: Row, _ column: String) throws -> Date {
        let text: String = row[column]
        guard let date = Timestamp.parseDatabase(text) else {
            throw StoreError.invalid("\(column) \(text) is not a time this sitrep can read")
        }
        return date
    }

    /// Everything open as of `at`: incidents declared by then and not resolved, open action
    /// items, checks whose latest sample by then is down, and runbook runs still going.
    func handoffReport(_ db: Database, request: HandoffRequest, from: String, at: Date) throws -> HandoffReport {
        let stamp = Timestamp.database(at)
        let incidentRows = try Row.fetchAll(
            db,
            sql: """
                SELECT incident.*,
                  (SELECT person FROM roleAssignment
                    WHERE incidentId = incident.id AND role = 'commander' AND endedAt IS NULL
                    ORDER BY id DESC LIMIT 1) AS currentCommander
                FROM incident WHERE status IN \(Self.activeStatusList) AND declaredAt <= ?
                ORDER BY severity, declaredAt, id
                """, arguments: [stamp])
        var incidents: [HandoffReport.OpenIncident] = []
        for row in incidentRows {
            let incident = try Incident(row: row)
            let recent = try TimelineEntry.fetchAll(
                db,
                sql: """
                    SELECT * FROM timelineEntry WHERE incidentId = ? AND eventAt <= ?
                    ORDER BY eventAt DESC, sequence DESC LIMIT 3
                    """, arguments: [incident.id, stamp])
            incidents.append(
                HandoffReport.OpenIncident(
                    key: incident.key, title: incident.title, severity: incident.severity.rawValue,
                    status: incident.status.rawValue, drill: incident.isDrill, declaredAt: incident.declaredAt,
                    commander: row["currentCommander"], lastUpdateAt: recent.first?.eventAt ?? incident.declaredAt,
                    recentEntries: recent.reversed().map {
                        HandoffReport.Entry(time: $0.eventAt, author: $0.author, kind: $0.kind.rawValue, text: $0.text)
                    }))
        }

        let today = Timestamp.day(at)
        let actionRows = try Row.fetchAll(
            db,
            sql: """
                SELECT actionItem.*, incident.key AS incidentKey FROM actionItem
                JOIN incident ON incident.id = actionItem.incidentId
                WHERE actionItem.status = 'open'
                ORDER BY actionItem.dueDate IS NULL, actionItem.dueDate,
                  CASE actionItem.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, actionItem.id
                """)
        let actions = try actionRows.map { row in
            let item = try ActionItem(row: row)
            return HandoffReport.OpenAction(
                id: item.id ?? 0, incident: row["incidentKey"], title: item.title, owner: item.owner,
                due: item.dueDate, priority: item.priority.rawValue, overdue: item.dueDate.map { $0 < today } ?? false)
        }

        // SQLite takes the bare columns of a max() aggregate from the row holding the maximum.
        let latestRows = try Row.fetchAll(
            db,
            sql: """
                SELECT "check", isUp, latencyMilliseconds, error, max(sampledAt) AS lastSampleAt
                FROM healthSample WHERE sampledAt <= ? GROUP BY "check" ORDER BY "check"
                """, arguments: [stamp])
        var failing: [HandoffReport.FailingCheck] = []
        for row in latestRows where !(row["isUp"] as Bool) {
            let check: String = row["check"]
            let downSince =
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT min(sampledAt) FROM healthSample WHERE "check" = ? AND sampledAt <= ? AND sampledAt >
                          coalesce((SELECT max(sampledAt) FROM healthSample
                                    WHERE "check" = ? AND isUp AND sampledAt <= ?), '')
                        """, arguments: [check, stamp, check, stamp]) ?? (row["lastSampleAt"] as String)
            failing.append(
                HandoffReport.FailingCheck(
                    check: check, downSince: Timestamp.parseDatabase(downSince) ?? at,
                    lastSampleAt: try Self.date(row, "lastSampleAt"), latencyMilliseconds: row["latencyMilliseconds"],
                    error: row["error"]))
        }

        let runRows = try Row.fetchAll(
            db,
            sql: """
                SELECT runbookRun.id, runbookRun.runbookTitle, runbookRun.runbookPath, runbookRun.startedBy,
                  runbookRun.startedAt, incident.key AS incidentKey,
                  (SELECT count(*) FROM stepRun WHERE stepRun.runbookRunId = runbookRun.id) AS steps
                FROM runbookRun JOIN incident ON incident.id = runbookRun.incidentId
                WHERE runbookRun.state = 'running' AND runbookRun.startedAt <= ?
                ORDER BY runbookRun.startedAt, runbookRun.id
                """, arguments: [stamp])
        let runs = try runRows.map { row in
            HandoffReport.RunningRunbook(
                id: row["id"], incident: row["incidentKey"], title: row["runbookTitle"], path: row["runbookPath"],
                startedBy: row["startedBy"], startedAt: try Self.date(row, "startedAt"), stepsRecorded: row["steps"])
        }

        return HandoffReport(
            generatedAt: at, from: from, to: request.to, notes: request.notes,
            transfersCommand: request.transfersCommand, incidents: incidents, actionItems: actions,
            failingChecks: failing, runbookRuns: runs)
    }
}
