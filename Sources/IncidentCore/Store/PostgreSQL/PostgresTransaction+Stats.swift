import Foundation
import PostgresNIO

/// The statistics' aggregate reads in PostgreSQL, the same queries as SQLite's.
extension PostgresTransaction {
    public func statsIncidents(in window: StatsWindow) throws -> [StatsIncident] {
        let (from, before) = (Self.text(window.from), Self.text(window.before))
        return try rows(
            """
            SELECT incident.id, incident.key, incident.severity, incident.is_drill, incident.detected_at,
              incident.declared_at, incident.acknowledged_at, incident.mitigated_at, incident.resolved_at,
              ARRAY(SELECT service FROM incident_service WHERE incident_id = incident.id ORDER BY service)
                AS service_list
            FROM incident WHERE detected_at >= \(from) AND detected_at < \(before)
            ORDER BY detected_at, id
            """
        ).map { row in
            StatsIncident(
                id: try row["id"], key: try row["key"], severity: try row.value("severity"),
                isDrill: try row["is_drill"], detectedAt: try row.date("detected_at"),
                declaredAt: try row.date("declared_at"), acknowledgedAt: try row.optionalDate("acknowledged_at"),
                mitigatedAt: try row.optionalDate("mitigated_at"), resolvedAt: try row.optionalDate("resolved_at"),
                services: try row["service_list"])
        }
    }

    public func reopenCounts(in window: StatsWindow) throws -> [(incidentId: Int64, count: Int)] {
        let (from, before) = (Self.text(window.from), Self.text(window.before))
        return try rows(
            """
            SELECT timeline_entry.incident_id, count(*) AS n
            FROM timeline_entry JOIN incident ON incident.id = timeline_entry.incident_id
            WHERE incident.detected_at >= \(from) AND incident.detected_at < \(before)
              AND timeline_entry.kind = 'status' AND starts_with(timeline_entry.text, \(StoreText.reopenedPrefix))
            GROUP BY timeline_entry.incident_id
            """
        ).map { (incidentId: try $0["incident_id"], count: try $0["n"]) }
    }

    public func openActionItems(in window: StatsWindow) throws -> [StatsOpenAction] {
        let (from, before) = (Self.text(window.from), Self.text(window.before))
        return try rows(
            """
            SELECT action_item.incident_id, action_item.owner, action_item.due_date
            FROM action_item JOIN incident ON incident.id = action_item.incident_id
            WHERE action_item.status = 'open' AND incident.detected_at >= \(from) AND incident.detected_at < \(before)
            ORDER BY action_item.id
            """
        ).map {
            StatsOpenAction(incidentId: try $0["incident_id"], owner: try $0["owner"], dueDate: try $0["due_date"])
        }
    }

    public func stepOutcomeCounts(in window: StatsWindow) throws -> [StatsStepCount] {
        let (from, before) = (Self.text(window.from), Self.text(window.before))
        return try rows(
            """
            SELECT runbook_run.incident_id, step_run.outcome, count(*) AS n
            FROM step_run JOIN runbook_run ON runbook_run.id = step_run.runbook_run_id
            JOIN incident ON incident.id = runbook_run.incident_id
            WHERE incident.detected_at >= \(from) AND incident.detected_at < \(before)
            GROUP BY runbook_run.incident_id, step_run.outcome
            """
        ).map {
            StatsStepCount(incidentId: try $0["incident_id"], outcome: try $0["outcome"], count: try $0["n"])
        }
    }

    public func serviceNames() throws -> [String] {
        try rows("SELECT DISTINCT service FROM incident_service ORDER BY service").map { try $0["service"] }
    }
}
