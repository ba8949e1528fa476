import Foundation
import IncidentCore

/// Builds large, realistic-looking databases for benchmarks: many incidents, one with a huge
/// timeline, every chain valid. Deterministic, so two runs produce the same data.
public struct BulkSeeder: Sendable {
    public var incidents: Int
    public var entries: Int
    /// The share of all entries that goes to the first (open) incident, to exercise long timelines.
    public var largestShare: Double

    public init(incidents: Int, entries: Int, largestShare: Double = 0.5) {
        self.incidents = incidents
        self.entries = entries
        self.largestShare = largestShare
    }

    /// Writes the incidents through the store's importer, which chains every timeline, in one
    /// transaction.
    public func seed(into store: SQLiteIncidentStore) throws {
        try store.importIncidents(chain: .compute) { importer in try seed(importer) }
    }

    func seed(_ importer: IncidentImporter) throws {
        guard incidents > 0 else { return }
        var random = SplitMix(seed: 0x5174_7265_7000)
        let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z
        let services = ["checkout", "payments", "search", "auth", "api-gateway", "billing", "inventory", "email"]
        let people = ["alice", "bob", "carol", "dmitri", "esther", "farid", "grace", "hiro"]
        let words = [
            "error rate", "p99 latency", "pool exhaustion", "disk usage", "deploy", "rollback", "cache hit ratio",
            "5xx", "queue depth", "certificate",
        ]
        let largest = incidents == 1 ? entries : Int(Double(entries) * largestShare)
        let perIncident = incidents > 1 ? (entries - largest) / (incidents - 1) : 0
        var remainder = incidents > 1 ? (entries - largest) - perIncident * (incidents - 1) : 0
        var dayCounters: [String: Int] = [:]

        for index in 0..<incidents {
            // Newest incidents are the open ones; the first is the long-running one.
            let isLargest = index == 0
            let declaredAt =
                isLargest
                ? start.addingTimeInterval(Double(incidents) * 3000)
                : start.addingTimeInterval(Double(index) * 3000 + Double(random.next() % 600))
            let openCutoff = incidents - max(1, incidents / 100)
            let status: IncidentStatus =
                isLargest
                ? .investigating
                : index >= openCutoff ? [.detected, .acknowledged, .investigating, .mitigated][index % 4] : .closed
            let severity = Severity.allCases[Int(random.next() % 4)]
            let day = Timestamp.compactDay(declaredAt)
            let number = (dayCounters[day] ?? 0) + 1
            dayCounters[day] = number
            let key = "INC-\(day)-" + Timestamp.padded(number, 3)
            let service = services[Int(random.next() % UInt64(services.count))]
            let commander = people[Int(random.next() % UInt64(people.count))]
            let title = "\(service): \(words[Int(random.next() % UInt64(words.count))]) above threshold"
            let closed = status == .closed
            let incident = Incident(
                id: nil, key: key, title: title, severity: severity, status: status, summary: "", impact: "",
                rootCause: "", resolution: "", isDrill: false, createdBy: commander, detectedAt: declaredAt,
                declaredAt: declaredAt, acknowledgedAt: status == .detected ? nil : declaredAt.addingTimeInterval(120),
                mitigatedAt: closed || status == .mitigated ? declaredAt.addingTimeInterval(1800) : nil,
                resolvedAt: closed ? declaredAt.addingTimeInterval(2400) : nil,
                closedAt: closed ? declaredAt.addingTimeInterval(86_400) : nil, lastEntryAt: declaredAt,
                timelineCount: 0, timelineHead: "")
            let commanderRole = RoleAssignment(
                id: nil, incidentId: 0, role: .commander, person: commander, assignedAt: declaredAt, endedAt: nil)

            var count = isLargest ? largest : perIncident
            if !isLargest, remainder > 0 {
                count += 1
                remainder -= 1
            }
            let step: TimeInterval = isLargest ? 1 : 7
            let timeline = (0..<count).lazy.map { offset in
                let sequence = offset + 1
                let eventAt = declaredAt.addingTimeInterval(Double(offset) * step)
                let kind: TimelineKind = sequence == 1 ? .status : (random.next() % 5 == 0 ? .decision : .note)
                let author = people[Int(random.next() % UInt64(people.count))]
                let text =
                    sequence == 1
                    ? "Declared \(severity.rawValue) incident on \(service): \(title)"
                    : "Checked \(words[Int(random.next() % UInt64(words.count))]) on \(service): "
                        + "value \(random.next() % 1000), step \(sequence)"
                return TimelineEntry(
                    id: nil, incidentId: 0, sequence: sequence, kind: kind, author: author, eventAt: eventAt,
                    recordedAt: eventAt, text: text, details: "{}", previousHash: "", hash: "")
            }
            try importer.add(incident, services: [service], roles: [commanderRole], entries: timeline)
        }
    }
}
