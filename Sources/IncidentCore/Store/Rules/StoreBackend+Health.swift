import Foundation

/// Health samples. A batch of samples, their retention trims and any state changes with
/// their timeline entries are one write transaction, so the timeline never claims a change the
/// samples lack, and a thousand samples a second cost one commit, not a thousand.
extension StoreBackend {
    /// Who health entries are written by: the monitor, not a person.
    static var healthAuthor: String { "sitrep-health" }

    @discardableResult
    public func recordHealthSamples(_ records: [HealthRecord], retention: HealthRetention) throws -> [[String]] {
        guard !records.isEmpty else { return [] }
        let encoder = JSONEncoder()
        let results = records.map { record in
            String(
                decoding: (try? encoder.encode(record.sample.conditionResults)) ?? Data("[]".utf8), as: UTF8.self)
        }
        return try write { tx in
            var notified: [[String]] = []
            notified.reserveCapacity(records.count)
            var newest: [String: Date] = [:]
            for (record, results) in zip(records, results) {
                let sample = record.sample
                try tx.insert(sample, conditionResults: results)
                if record.trimsHistory {
                    newest[sample.check] = max(newest[sample.check] ?? sample.sampledAt, sample.sampledAt)
                }
                notified.append(try record.transition.map { try recordTransition($0, tx) } ?? [])
            }
            for (check, sampledAt) in newest.sorted(by: { $0.key < $1.key }) {
                try trimHistory(of: check, newest: sampledAt, retention: retention, tx)
            }
            return notified
        }
    }

    /// Drops a check's samples older than the retention age, then all but the newest
    /// `maximumSamples`.
    private func trimHistory(of check: String, newest: Date, retention: HealthRetention, _ tx: Transaction) throws {
        try tx.trimSamples(
            check: check, olderThan: newest.addingTimeInterval(-retention.maximumAge),
            keeping: retention.maximumSamples)
    }

    /// Records a state change and appends a `health` entry to every open incident linked to its
    /// service; returns their keys.
    private func recordTransition(_ transition: HealthTransition, _ tx: Transaction) throws -> [String] {
        try tx.insert(transition)
        guard transition.isNews, let service = transition.service else { return [] }
        let incidents = try tx.activeIncidents(service: service)
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
                tx, to: &incident, kind: .health, text: transition.sentence, details: details,
                author: Self.healthAuthor, eventAt: min(Timestamp.truncated(transition.at), recordedAt),
                recordedAt: recordedAt)
            keys.append(incident.key)
        }
        return keys
    }

    public func healthSamples(check: String, limit: Int) throws -> [HealthSample] {
        try read { tx in try tx.samples(check: check, limit: limit).reversed() }
    }

    public func lastHealthStates() throws -> [String: (state: HealthState, since: Date)] {
        try read { tx in try tx.lastHealthStates() }
    }
}
