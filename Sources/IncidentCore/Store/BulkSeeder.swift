import Foundation
import GRDB

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

    public func seed(into store: SQLiteIncidentStore) throws {
        try store.write { db in try seed(db) }
    }

    func seed(_ db: Database) throws {
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
        let stored = Timestamp.database

        let insertIncident = try db.makeStatement(
            sql: """
                INSERT INTO incident (key, title, severity, status, summary, isDrill, createdBy, detectedAt,
                  declaredAt, acknowledgedAt, mitigatedAt, resolvedAt, closedAt, lastEntryAt, timelineCount,
                  timelineHead)
                VALUES (?, ?, ?, ?, '', 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                """)
        let finishIncident = try db.makeStatement(
            sql: "UPDATE incident SET timelineCount = ?, timelineHead = ?, lastEntryAt = ? WHERE id = ?")
        let insertService = try db.makeStatement(sql: "INSERT INTO incidentService (incidentId, service) VALUES (?, ?)")
        let insertRole = try db.makeStatement(
            sql: "INSERT INTO roleAssignment (incidentId, role, person, assignedAt) VALUES (?, 'commander', ?, ?)")
        let insertEntry = try db.makeStatement(
            sql: """
                INSERT INTO timelineEntry (incidentId, sequence, kind, author, eventAt, recordedAt, text, details,
                  previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)
                """)

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
            let acknowledgedAt = declaredAt.addingTimeInterval(120)
            let mitigatedAt: Date? = closed || status == .mitigated ? declaredAt.addingTimeInterval(1800) : nil
            let resolvedAt: Date? = closed ? declaredAt.addingTimeInterval(2400) : nil
            let closedAt: Date? = closed ? declaredAt.addingTimeInterval(86_400) : nil
            try insertIncident.execute(arguments: [
                key, title, severity.rawValue, status.rawValue, commander, stored(declaredAt), stored(declaredAt),
                status == .detected ? nil : stored(acknowledgedAt), mitigatedAt.map(stored), resolvedAt.map(stored),
                closedAt.map(stored), stored(declaredAt), TimelineHasher.genesis,
            ])
            let incidentID = db.lastInsertedRowID
            try insertService.execute(arguments: [incidentID, service])
            try insertRole.execute(arguments: [incidentID, commander, stored(declaredAt)])

            var count = isLargest ? largest : perIncident
            if !isLargest, remainder > 0 {
                count += 1
                remainder -= 1
            }
            var previous = TimelineHasher.genesis
            var eventAt = declaredAt
            var entry = TimelineEntry(
                id: nil, incidentId: incidentID, sequence: 0, kind: .note, author: commander, eventAt: declaredAt,
                recordedAt: declaredAt, text: "", details: "{}", previousHash: previous, hash: "")
            for sequence in 1...max(count, 1) where count > 0 {
                entry.sequence = sequence
                entry.kind = sequence == 1 ? .status : (random.next() % 5 == 0 ? .decision : .note)
                entry.author = people[Int(random.next() % UInt64(people.count))]
                entry.eventAt = eventAt
                entry.recordedAt = eventAt
                entry.text =
                    sequence == 1
                    ? "Declared \(severity.rawValue) incident on \(service): \(title)"
                    : "Checked \(words[Int(random.next() % UInt64(words.count))]) on \(service): "
                        + "value \(random.next() % 1000), step \(sequence)"
                entry.previousHash = previous
                entry.hash = TimelineHasher.hash(incidentKey: key, entry: entry)
                try insertEntry.execute(arguments: [
                    incidentID, sequence, entry.kind.rawValue, entry.author, stored(eventAt), stored(eventAt),
                    entry.text,
                    previous, entry.hash,
                ])
                previous = entry.hash
                eventAt = eventAt.addingTimeInterval(isLargest ? 1 : 7)
            }
            try finishIncident.execute(arguments: [
                count, previous, stored(count > 0 ? entry.eventAt : declaredAt), incidentID,
            ])
        }
    }
}
