import Foundation
import PostgresNIO

/// Alert groups and their alerts' states in PostgreSQL.
extension PostgresTransaction {
    public func alertGroup(key: String) throws -> (incidentId: Int64, states: [String: AlertState])? {
        guard
            let row = try one("SELECT incident_id FROM alert_group WHERE group_key = \(key) ORDER BY id DESC LIMIT 1")
        else { return nil }
        let incidentId: Int64 = try row["incident_id"]
        var states: [String: AlertState] = [:]
        for row in try rows("SELECT fingerprint, state FROM alert_state WHERE incident_id = \(incidentId)") {
            states[try row["fingerprint"]] = AlertState(rawValue: try row["state"])
        }
        return (incidentId, states)
    }

    public func linkAlertGroup(key: String, source: AlertSource, incidentId: Int64, at time: Date) throws {
        try run(
            """
            INSERT INTO alert_group (group_key, source, incident_id, opened_at)
            VALUES (\(key), \(source.rawValue), \(incidentId), \(Self.text(time)))
            """)
    }

    public func saveAlertStates(_ states: [String: AlertState], incidentId: Int64) throws {
        for (fingerprint, state) in states.sorted(by: { $0.key < $1.key }) {
            try run(
                """
                INSERT INTO alert_state (incident_id, fingerprint, state) VALUES (\(incidentId), \(fingerprint),
                  \(state.rawValue))
                ON CONFLICT (incident_id, fingerprint) DO UPDATE SET state = excluded.state
                """)
        }
    }
}
