import Foundation
import GRDB

/// The statistics' aggregate reads in SQLite; times compare as the fixed-width text stored.
extension SQLiteTransaction {
    public func statsIncidents(in window: StatsWindow) throws -> [StatsIncident] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT incident.id, incident.key, incident.severity, incident.isDrill, incident.detectedAt,
                  incident.declaredAt, incident.acknowledgedAt, incident.mitigatedAt, incident.resolvedAt,
                  (SELECT group_concat(service, char(31)) FROM incidentService
                    WHERE incidentId = incident.id) AS serviceList
                FROM incident WHERE detectedAt >= ? AND detectedAt < ?
                ORDER BY detectedAt, id
                """, arguments: Self.arguments(window))
        var incidents: [StatsIncident] = []
        while let row = try rows.next() {
            let severityText: String = row["severity"]
            guard let severity = Severity(rawValue: severityText) else {
                throw StoreError.invalid("the stored severity '\(severityText)' is not one sitrep knows")
            }
            incidents.append(
                StatsIncident(
                    id: row["id"], key: row["key"], severity: severity, isDrill: row["isDrill"],
                    detectedAt: try Self.date(row, "detectedAt"), declaredAt: try Self.date(row, "declaredAt"),
                    acknowledgedAt: Self.optionalDate(row, "acknowledgedAt"),
                    mitigatedAt: Self.optionalDate(row, "mitigatedAt"),
                    resolvedAt: Self.optionalDate(row, "resolvedAt"),
                    services: (row["serviceList"] as String?)?.split(separator: "\u{1F}").map(String.init) ?? []))
        }
        return incidents
    }

    public func reopenCounts(in window: StatsWindow) throws -> [(incidentId: Int64, count: Int)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT timelineEntry.incidentId AS incidentId, count(*) AS n
                FROM timelineEntry JOIN incident ON incident.id = timelineEntry.incidentId
                WHERE incident.detectedAt >= ? AND incident.detectedAt < ?
                  AND timelineEntry.kind = 'status' AND substr(timelineEntry.text, 1, ?) = ?
                GROUP BY timelineEntry.incidentId
                """,
            arguments: Self.arguments(window) + [StoreText.reopenedPrefix.count, StoreText.reopenedPrefix]
        ).map { (incidentId: $0["incidentId"], count: $0["n"]) }
    }

    public func openActionItems(in window: StatsWindow) throws -> [StatsOpenAction] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT actionItem.incidentId, actionItem.owner, actionItem.dueDate
                FROM actionItem JOIN incident ON incident.id = actionItem.incidentId
                WHERE actionItem.status = 'open' AND incident.detectedAt >= ? AND incident.detectedAt < ?
                ORDER BY actionItem.id
                """, arguments: Self.arguments(window)
        ).map { StatsOpenAction(incidentId: $0["incidentId"], owner: $0["owner"], dueDate: $0["dueDate"]) }
    }

    public func stepOutcomeCounts(in window: StatsWindow) throws -> [StatsStepCount] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT runbookRun.incidentId AS incidentId, stepRun.outcome AS outcome, count(*) AS n
                FROM stepRun JOIN runbookRun ON runbookRun.id = stepRun.runbookRunId
                JOIN incident ON incident.id = runbookRun.incidentId
                WHERE incident.detectedAt >= ? AND incident.detectedAt < ?
                GROUP BY runbookRun.incidentId, stepRun.outcome
                """, arguments: Self.arguments(window)
        ).map { StatsStepCount(incidentId: $0["incidentId"], outcome: $0["outcome"], count: $0["n"]) }
    }

    public func serviceNames() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT service FROM incidentService ORDER BY service")
    }

    static func arguments(_ window: StatsWindow) -> StatementArguments {
        [Timestamp.database(window.from), Timestamp.database(window.before)]
    }

    static func date(_ row: Row, _ column: String) throws -> Date {
        guard let date = optionalDate(row, column) else {
            throw StoreError.invalid("the stored \(column) is not a date sitrep wrote")
        }
        return date
    }

    static func optionalDate(_ row: Row, _ column: String) -> Date? {
        (row[column] as String?).flatMap(Timestamp.parseDatabase)
    }
}
