import Foundation
import GRDB

/// Health samples in SQLite. A sample, its retention trim and any state change with its timeline
/// entries are one immediate transaction, so the timeline never claims a change the samples lack.
extension SQLiteIncidentStore: HealthStore {
    /// Who health entries are written by: the monitor, not a person.
    static let healthAuthor = "sitrep-health"

    @discardableResult
    public func recordHealthSample(_ sample: HealthSample, transition: HealthTransition?, retention: HealthRetention)
        throws -> [String]
    {
        let results = String(
            decoding: (try? JSONEncoder().encode(sample.conditionResults)) ?? Data("[]".utf8), as: UTF8.self)
        return try write { db in
            let sampledAt = Timestamp.database(sample.sampledAt)
            try db.execute(
                sql: """
                    INSERT INTO healthSample ("check", sampledAt, isUp, latencyMilliseconds, conditionResults, error)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [sample.check, sampledAt, sample.isUp, sample.latencyMilliseconds, results, sample.error])
            let oldest = Timestamp.database(sample.sampledAt.addingTimeInterval(-retention.maximumAge))
            try db.execute(
                sql: """
                    DELETE FROM healthSample WHERE "check" = ? AND (sampledAt < ? OR id <= (
                      SELECT id FROM healthSample WHERE "check" = ? ORDER BY id DESC LIMIT 1 OFFSET ?))
                    """,
                arguments: [sample.check, oldest, sample.check, retention.maximumSamples])
            guard let transition else { return [] }
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
                    WHERE incidentService.service = ? AND incident.status NOT IN ('resolved', 'closed')
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
    }

    public func healthSamples(check: String, limit: Int) throws -> [HealthSample] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM healthSample WHERE "check" = ? ORDER BY id DESC LIMIT ?
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
