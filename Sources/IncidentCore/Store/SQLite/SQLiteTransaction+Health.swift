import Foundation
import GRDB

/// Health samples and state changes in SQLite; the trims walk the (check, sampledAt) index,
/// never the whole table.
extension SQLiteTransaction {
    public func insert(_ sample: HealthSample, conditionResults: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO healthSample ("check", sampledAt, isUp, latencyMilliseconds, conditionResults, error)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            sample.check, Timestamp.database(sample.sampledAt), sample.isUp, sample.latencyMilliseconds,
            conditionResults, sample.error,
        ])
    }

    public func insert(_ transition: HealthTransition) throws {
        try db.execute(
            sql: """
                INSERT INTO healthTransition ("check", service, fromState, toState, changedAt, evidence)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                transition.check, transition.service, transition.from.rawValue, transition.to.rawValue,
                Timestamp.database(transition.at), transition.sample.evidence,
            ])
    }

    public func trimSamples(check: String, olderThan oldest: Date, keeping: Int) throws {
        try db.cachedStatement(sql: #"DELETE FROM healthSample WHERE "check" = ? AND sampledAt < ?"#)
            .execute(arguments: [check, Timestamp.database(oldest)])
        try db.cachedStatement(
            sql: """
                DELETE FROM healthSample WHERE id IN (
                  SELECT id FROM healthSample WHERE "check" = ? ORDER BY sampledAt DESC, id DESC LIMIT -1 OFFSET ?)
                """
        ).execute(arguments: [check, keeping])
    }

    public func samples(check: String, limit: Int) throws -> [HealthSample] {
        try Row.fetchAll(
            db, sql: #"SELECT * FROM healthSample WHERE "check" = ? ORDER BY sampledAt DESC, id DESC LIMIT ?"#,
            arguments: [check, limit]
        ).map { row in
            let results: String = row["conditionResults"]
            return HealthSample(
                id: row["id"], check: row["check"], sampledAt: try StoredColumn.date(row, "sampledAt"),
                isUp: row["isUp"], latencyMilliseconds: row["latencyMilliseconds"],
                conditionResults: (try? JSONDecoder().decode([ConditionResult].self, from: Data(results.utf8))) ?? [],
                error: row["error"])
        }
    }

    public func lastHealthStates() throws -> [String: (state: HealthState, since: Date)] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT "check", toState, changedAt FROM healthTransition
                WHERE id IN (SELECT max(id) FROM healthTransition GROUP BY "check")
                """)
        var states: [String: (state: HealthState, since: Date)] = [:]
        for row in rows {
            guard let state = HealthState(rawValue: row["toState"]) else { continue }
            states[row["check"]] = (state, try StoredColumn.date(row, "changedAt"))
        }
        return states
    }
}
