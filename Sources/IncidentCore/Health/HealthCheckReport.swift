import Foundation

/// The CLI's views of health results: aligned text for people, stable JSON for scripts.
public enum HealthCheckReport {
    /// One line per check: `UP    checkout-api   12 ms`, then each failed condition indented.
    public static func text(checks: [HealthCheck], samples: [HealthSample]) -> String {
        let width = checks.map(\.key.count).max() ?? 0
        var out = ""
        for (check, sample) in zip(checks, samples) {
            let name = check.key.padding(toLength: width, withPad: " ", startingAt: 0)
            let latency = sample.latencyMilliseconds.map { "\(Int($0.rounded())) ms" } ?? "-"
            out += "\(sample.isUp ? "UP  " : "DOWN")  \(name)  \(latency)\n"
            if let error = sample.error { out += "      error: \(error)\n" }
            for result in sample.failedConditions { out += "      failed: \(result.resolved)\n" }
        }
        return out
    }

    public static func json(checks: [HealthCheck], samples: [HealthSample], problems: [ConfigError]) -> String {
        var items: [[String: Any]] = []
        for (check, sample) in zip(checks, samples) {
            var item: [String: Any] = [
                "check": check.key, "name": check.name, "target": check.target.text, "up": sample.isUp,
                "sampledAt": Timestamp.iso(sample.sampledAt),
                "conditions": sample.conditionResults.map {
                    ["condition": $0.condition, "passed": $0.passed, "resolved": $0.resolved] as [String: Any]
                },
            ]
            if let group = check.group { item["group"] = group }
            if let service = check.service { item["service"] = service }
            if let latency = sample.latencyMilliseconds { item["latencyMilliseconds"] = Int(latency.rounded()) }
            if let error = sample.error { item["error"] = error }
            items.append(item)
        }
        let document: [String: Any] = [
            "allUp": samples.allSatisfy(\.isUp), "checks": items,
            "problems": problems.map { problem in
                var entry: [String: Any] = ["file": problem.file, "message": problem.message]
                if let line = problem.line { entry["line"] = line }
                return entry
            },
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// `health watch`'s line per probe: time, check, verdict, and any state change.
    public static func eventLine(_ event: HealthEvent) -> String {
        let sample = event.sample
        var line = "\(Timestamp.iso(sample.sampledAt))  \(sample.check)  \(sample.isUp ? "ok" : "FAIL")"
        if let latency = sample.latencyMilliseconds { line += "  \(Int(latency.rounded())) ms" }
        if !sample.isUp { line += "  \(sample.evidence)" }
        if let transition = event.transition {
            line += "  => \(transition.to.rawValue.uppercased())"
            if !event.notifiedIncidents.isEmpty {
                line += " (recorded in \(event.notifiedIncidents.joined(separator: ", ")))"
            }
        }
        if let error = event.storeError { line += "  [not stored: \(error)]" }
        return line
    }
}
