import Foundation
import PostgresNIO

/// Health samples and state changes in PostgreSQL; the trims walk the (check, time) index.
extension PostgresTransaction {
    public func insert(_ sample: HealthSample, conditionResults: String) throws {
        try run(
            """
            INSERT INTO health_sample (check_name, sampled_at, is_up, latency_milliseconds, condition_results, error)
            VALUES (\(sample.check), \(Self.text(sample.sampledAt)), \(sample.isUp), \(sample.latencyMilliseconds),
              \(conditionResults), \(sample.error))
            """)
    }

    public func insert(_ transition: HealthTransition) throws {
        try run(
            """
            INSERT INTO health_transition (check_name, service, from_state, to_state, changed_at, evidence)
            VALUES (\(transition.check), \(transition.service), \(transition.from.rawValue),
              \(transition.to.rawValue), \(Self.text(transition.at)), \(transition.sample.evidence))
            """)
    }

    public func trimSamples(check: String, olderThan oldest: Date, keeping: Int) throws {
        try run("DELETE FROM health_sample WHERE check_name = \(check) AND sampled_at < \(Self.text(oldest))")
        try run(
            """
            DELETE FROM health_sample WHERE id IN (
              SELECT id FROM health_sample WHERE check_name = \(check)
              ORDER BY sampled_at DESC, id DESC OFFSET \(keeping))
            """)
    }

    public func samples(check: String, limit: Int) throws -> [HealthSample] {
        try rows(
            """
            SELECT * FROM health_sample WHERE check_name = \(check) ORDER BY sampled_at DESC, id DESC LIMIT \(limit)
            """
        ).map { row in
            let results: String = try row["condition_results"]
            return HealthSample(
                id: try row["id"], check: try row["check_name"], sampledAt: try row.date("sampled_at"),
                isUp: try row["is_up"], latencyMilliseconds: try row["latency_milliseconds"],
                conditionResults: (try? JSONDecoder().decode([ConditionResult].self, from: Data(results.utf8))) ?? [],
                error: try row["error"])
        }
    }

    public func lastHealthStates() throws -> [String: (state: HealthState, since: Date)] {
        var states: [String: (state: HealthState, since: Date)] = [:]
        for row in try rows(
            """
            SELECT DISTINCT ON (check_name) check_name, to_state, changed_at FROM health_transition
            ORDER BY check_name, id DESC
            """)
        {
            guard let state = HealthState(rawValue: try row["to_state"]) else { continue }
            states[try row["check_name"]] = (state, try row.date("changed_at"))
        }
        return states
    }
}
