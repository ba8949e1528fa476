import Foundation

/// A place incidents are kept (a SQLite file, a PostgreSQL schema) as the rules see it: it runs
/// a body in a read or a write transaction and nothing more. The rules in this folder's
/// extensions implement every store protocol once on top of it, so both backends validate,
/// word entries and chain hashes identically.
public protocol StoreBackend: SitrepStore {
    associatedtype Transaction: StoreTransaction
    /// The time source for recorded times; tests set it by hand.
    var clock: @Sendable () -> Date { get }
    /// Runs `body` in a read transaction that sees one consistent state.
    func read<T>(_ body: (Transaction) throws -> T) throws -> T
    /// Runs `body` in a write transaction that excludes every other writer to the same data
    /// (retrying it when the backend had to abort it), committed durably before it returns.
    func write<T>(_ body: (Transaction) throws -> T) throws -> T
}

extension StoreBackend {
    /// How far ahead of the clock an `--at` time may be before it is refused as a typo.
    static var futureTolerance: TimeInterval { 300 }

    func now() -> Date { Timestamp.truncated(clock()) }

    func eventTime(_ attribution: Attribution, now: Date) throws -> Date {
        guard let requested = attribution.eventTime else { return now }
        let time = Timestamp.truncated(requested)
        if time.timeIntervalSince(now) > Self.futureTolerance {
            throw StoreError.refused(
                "the time \(Timestamp.iso(time)) is in the future (now is \(Timestamp.iso(now))); nothing was written")
        }
        return time
    }

    func author(_ attribution: Attribution) throws -> String {
        let name = attribution.author.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid("the author name is empty") }
        return name
    }

    func fetchIncident(_ tx: Transaction, key: String) throws -> Incident {
        let normalized = key.trimmingCharacters(in: .whitespaces).uppercased()
        guard let incident = try tx.incident(key: normalized) else {
            throw StoreError.notFound("no incident \(key)")
        }
        return incident
    }

    func fetchIncident(_ tx: Transaction, id: Int64) throws -> Incident {
        guard let incident = try tx.incident(id: id) else {
            throw StoreError.notFound("no incident with id \(id)")
        }
        return incident
    }

    /// Appends one chained entry and moves the incident's chain head (count, head hash, newest
    /// event time); a writer that changes the incident itself saves that change first.
    @discardableResult
    func appendEntry(
        _ tx: Transaction, to incident: inout Incident, kind: TimelineKind, text: String,
        details: [String: String] = [:], author: String, eventAt: Date, recordedAt: Date
    ) throws -> TimelineEntry {
        var entry = TimelineEntry(
            id: nil, incidentId: incident.id!, sequence: incident.timelineCount + 1, kind: kind, author: author,
            eventAt: eventAt, recordedAt: recordedAt, text: text, details: DetailsJSON.encode(details),
            previousHash: incident.timelineHead, hash: "")
        entry.hash = TimelineHasher.hash(incidentKey: incident.key, entry: entry)
        try tx.insert(&entry)
        incident.timelineCount = entry.sequence
        incident.timelineHead = entry.hash
        incident.lastEntryAt = max(incident.lastEntryAt, eventAt)
        try tx.saveChainHead(of: incident)
        return entry
    }
}
