import Foundation
import GRDB

/// Alert groups and their alerts' states in SQLite.
extension SQLiteTransaction {
    public func alertGroup(key: String) throws -> (incidentId: Int64, states: [String: AlertState])? {
        guard
            let incidentId = try Int64.fetchOne(
                db, sql: "SELECT incidentId FROM alertGroup WHERE groupKey = ? ORDER BY id DESC LIMIT 1",
                arguments: [key])
        else { return nil }
        var states: [String: AlertState] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT fingerprint, state FROM alertState WHERE incidentId = ?", arguments: [incidentId])
        {
            states[row["fingerprint"]] = AlertState(rawValue: row["state"])
        }
        return (incidentId, states)
    }

    public func linkAlertGroup(key: String, source: AlertSource, incidentId: Int64, at time: Date) throws {
        try db.execute(
            sql: "INSERT INTO alertGroup (groupKey, source, incidentId, openedAt) VALUES (?, ?, ?, ?)",
            arguments: [key, source.rawValue, incidentId, Timestamp.database(time)])
    }

    public func saveAlertStates(_ states: [String: AlertState], incidentId: Int64) throws {
        for (fingerprint, state) in states.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: "INSERT OR REPLACE INTO alertState (incidentId, fingerprint, state) VALUES (?, ?, ?)",
                arguments: [incidentId, fingerprint, state.rawValue])
        }
    }
}
