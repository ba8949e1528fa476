import Foundation
import PostgresNIO

/// Handoffs in PostgreSQL, and the queries their report is built from.
extension PostgresTransaction {
    public func insert(_ handoff: Handoff) throws -> Int64 {
        let h = handoff
        return try id(
            """
            INSERT INTO handoff (from_person, to_person, created_at, notes, report, report_format, transfers_command)
            VALUES (\(h.from), \(h.to), \(Self.text(h.createdAt)), \(h.notes), \(try h.report.json()), 'json',
              \(h.transfersCommand))
            RETURNING id
            """)
    }

    public func handoff(id: Int64) throws -> Handoff? {
        try one("SELECT * FROM handoff WHERE id = \(id)")?.handoff()
    }

    public func newestPendingHandoff() throws -> Handoff? {
        try one("SELECT * FROM handoff WHERE acknowledged_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1")?
            .handoff()
    }

    public func handoffs(limit: Int?) throws -> [Handoff] {
        try rows("SELECT * FROM handoff ORDER BY created_at DESC, id DESC LIMIT \(limit)").map { try $0.handoff() }
    }

    public func acknowledge(handoffId: Int64, at: Date, by person: String) throws {
        try run(
            "UPDATE handoff SET acknowledged_at = \(Self.text(at)), acknowledged_by = \(person) WHERE id = \(handoffId)"
        )
    }

    public func openIncidents(declaredBy time: Date) throws -> [(incident: Incident, commander: String?)] {
        try rows(
            """
            SELECT incident.*,
              (SELECT person FROM role_assignment
                WHERE incident_id = incident.id AND role = 'commander' AND ended_at IS NULL
                ORDER BY id DESC LIMIT 1) AS current_commander
            FROM incident WHERE status = ANY(\(Self.activeStatuses)) AND declared_at <= \(Self.text(time))
            ORDER BY severity, declared_at, id
            """
        ).map { row in (incident: try row.incident(), commander: try row["current_commander"]) }
    }

    public func recentEntries(incidentId: Int64, upTo time: Date, limit: Int) throws -> [TimelineEntry] {
        try rows(
            """
            SELECT * FROM timeline_entry WHERE incident_id = \(incidentId) AND event_at <= \(Self.text(time))
            ORDER BY event_at DESC, sequence DESC LIMIT \(limit)
            """
        ).map { try $0.entry() }
    }

    public func latestSamples(upTo time: Date) throws -> [HealthSample] {
        try rows(
            """
            SELECT DISTINCT ON (check_name) check_name, is_up, latency_milliseconds, error, sampled_at
            FROM health_sample WHERE sampled_at <= \(Self.text(time))
            ORDER BY check_name, sampled_at DESC, id DESC
            """
        ).map { row in
            HealthSample(
                check: try row["check_name"], sampledAt: try row.date("sampled_at"), isUp: try row["is_up"],
                latencyMilliseconds: try row["latency_milliseconds"], conditionResults: [], error: try row["error"])
        }
    }

    public func downSince(check: String, upTo time: Date) throws -> Date? {
        let stamp = Self.text(time)
        guard
            let row = try one(
                """
                SELECT min(sampled_at) AS since FROM health_sample
                WHERE check_name = \(check) AND sampled_at <= \(stamp) AND sampled_at >
                  coalesce((SELECT max(sampled_at) FROM health_sample
                            WHERE check_name = \(check) AND is_up AND sampled_at <= \(stamp)), '')
                """)
        else { return nil }
        return try row.optionalDate("since")
    }

    public func runningRuns(startedBy time: Date) throws -> [HandoffReport.RunningRunbook] {
        try rows(
            """
            SELECT runbook_run.id, runbook_run.runbook_title, runbook_run.runbook_path, runbook_run.started_by,
              runbook_run.started_at, incident.key AS incident_key,
              (SELECT count(*) FROM step_run WHERE step_run.runbook_run_id = runbook_run.id) AS steps
            FROM runbook_run JOIN incident ON incident.id = runbook_run.incident_id
            WHERE runbook_run.state = 'running' AND runbook_run.started_at <= \(Self.text(time))
            ORDER BY runbook_run.started_at, runbook_run.id
            """
        ).map { row in
            HandoffReport.RunningRunbook(
                id: try row["id"], incident: try row["incident_key"], title: try row["runbook_title"],
                path: try row["runbook_path"], startedBy: try row["started_by"],
                startedAt: try row.date("started_at"), stepsRecorded: try row["steps"])
        }
    }
}
