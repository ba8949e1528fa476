import Foundation
import GRDB

/// Health samples in SQLite. A batch of samples, their retention trims and any state changes with
/// their timeline entries are one immediate transaction, so the timeline never claims a change the
/// samples lack, and a thousand samples a second cost one commit, not a thousand.
extension SQLiteIncidentStore {
    /// Who health entries are written by: the monitor, not a person.
    static let healthAuthor = "sitrep-health"

    @discardableResult
    public func recordHealthSamples(_ records: [HealthRecord], retention: HealthRetention) throws -> [[String]] {
        guard !records.isEmpty else { return [] }
        let encoder = JSONEncoder()
        let results = records.map { record in
            String(
                decoding: (try? encoder.encode(record.sample.conditionResults)) ?? Data("[]".utf8), as: UTF8.self)
        }
        return try write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO healthSample ("check", sampledAt, isUp, latencyMilliseconds, conditionResults, error)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            var notified: [[String]] = []
            notified.reserveCapacity(records.count)
            var newest: [String: Date] = [:]
            for (record, results) in zip(records, results) {
                let sample = record.sample
                try insert.execute(arguments: [
                    sample.check, Timestamp.database(sample.sampledAt), sample.isUp, sample.latencyMilliseconds,
                    results, sample.error,
                ])
                if record.trimsHistory {
                    newest[sample.check] = max(newest[sample.check] ?? sample.sampledAt, sample.sampledAt)
                }
                notified.append(try record.transition.map { try recordTransition($0, db) } ?? [])
            }
            for (check, sampledAt) in newest.sorted(by: { $0.key < $1.key }) {
                try trimHistory(of: check, newest: sampledAt, retention: retention, db)
            }
            return notified
        }
    }

    /// Drops a check's samples older than the retention age, then all but the newest
    /// `maximumSamples`; both walk the (check, sampledAt) index, never the whole table.
    private func trimHistory(of check: String, newest: Date, retention: HealthRetention, _ db: Database) throws {
        let oldest = Timestamp.database(newest.addingTimeInterval(-retention.maximumAge))
        try db.cachedStatement(sql: #"DELETE FROM healthSample WHERE "check" = ? AND sampledAt < ?"#)
            .execute(arguments: [check, oldest])
        try db.cachedStatement(
            sql: """
                DELETE FROM healthSample WHERE id IN (
                  SELECT id FROM healthSample WHERE "check" = ? ORDER BY sampledAt DESC, id DESC LIMIT -1 OFFSET ?)
                """
        ).execute(arguments: [check, retention.maximumSamples])
    }

    /// Records a state change and appends a `health` entry to every open incident linked to its
    /// service; returns their keys.
    private func recordTransition(_ transition: HealthTransition, _ db: Database) throws -> [String] {
        try db.execute(
            sql: """
                INSERT INTO healthTransition ("check", service, fromState, toState, changedAt, evidence)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                transition.check, transition.service, transition.from.rawValue, transition.to.rawValue,
                Timestamp.database(transition.at), transition.sample.evidence,
            ])
        guard transition.isNews, let service = transition.service else { return [] }
        let incidents = try Incident.fetchAll(
            db,
            sql: """
                SELECT incident.* FROM incident JOIN incidentService ON incidentService.incidentId = incident.id
                WHERE incidentService.service = ? AND incident.status IN \(Self.activeStatusList)
                ORDER BY incident.id
                """, arguments: [service])
        let recordedAt = now()
        var keys: [String] = []
        for var incident in incidents {
            var details = [
                "check": transition.check, "service": service, "from": transition.from.rawValue,
                "to": transition.to.rawValue, "streak": String(transition.streak),
            ]
            let failed = transition.sample.failedConditions.map(\.resolved)
            if !failed.isEmpty { details["failedConditions"] = failed.joined(separator: "\n") }
            if let error = transition.sample.error { details["error"] = error }
            if let latency = transition.sample.latencyMilliseconds {
                details["latencyMilliseconds"] = String(Int(latency.rounded()))
            }
            try appendEntry(
                db, to: &incident, kind: .health, text: transition.sentence, details: details,
                author: Self.healthAuthor, eventAt: min(Timestamp.truncated(transition.at), recordedAt),
                recordedAt: recordedAt)
            keys.append(incident.key)
        }
        return keys
    }

    public func healthSamples(check: String, limit: Int) throws -> [HealthSample] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM healthSample WHERE "check" = ? ORDER BY sampledAt DESC, id DESC LIMIT ?
                    """, arguments: [check, limit])
            return try rows.reversed().map { row in
                let results: String = row["conditionResults"]
                return HealthSample(
                    id: row["id"], check: row["check"], sampledAt: try Self.date(row, "sampledAt"), isUp: row["isUp"],
                    latencyMilliseconds: row["latencyMilliseconds"],
                    conditionResults: (try? JSONDecoder().decode([ConditionResult].self, from: Data(results.utf8)))
                        ?? [],
                    error: row["error"])
            }
        }
    }

    public func lastHealthStates() throws -> [String: (state: HealthState, since: Date)] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT "check", toState, changedAt FROM healthTransition
                    WHERE id IN (SELECT max(id) FROM healthTransition GROUP BY "check")
                    """)
            var states: [String: (state: HealthState, since: Date)] = [:]
            for row in rows {
                guard let state = HealthState(rawValue: row["toState"]) else { continue }
                states[row["check"]] = (state, try Self.date(row, "changedAt"))
            }
            return states
        }
    }
}
