import Foundation
import GRDB

/// Writes incidents that already have a history (key, milestones, roles, a whole timeline) inside
/// one `SQLiteIncidentStore.importIncidents` transaction: how generated benchmark data comes in,
/// and what an import of exported incidents builds on. Each timeline is chained as it is written;
/// with `.verify`, an entry whose recorded hashes break the chain throws and nothing is written.
public final class IncidentImporter {
    /// What to do with the `previousHash` and `hash` the entries carry.
    public enum Chain: Sendable {
        /// Ignore them and chain the entries in the order given (generated data).
        case compute
        /// Require them to be exactly the chain sitrep would compute (data that was exported).
        case verify
    }

    let db: Database
    let chain: Chain

    init(db: Database, chain: Chain) {
        self.db = db
        self.chain = chain
    }

    /// Inserts `incident` with its services, roles and `entries` (sequences 1, 2, 3… in order);
    /// its timeline count, head and last entry time come from the entries. Returns it as stored.
    @discardableResult
    public func add(
        _ incident: Incident, services: [String] = [], roles: [RoleAssignment] = [],
        entries: some Sequence<TimelineEntry>
    ) throws -> Incident {
        var stored = incident
        stored.id = nil
        stored.timelineCount = 0
        stored.timelineHead = TimelineHasher.genesis
        stored.lastEntryAt = incident.declaredAt
        try stored.insert(db)
        let incidentID = stored.id!
        for service in services {
            try db.cachedStatement(sql: "INSERT INTO incidentService (incidentId, service) VALUES (?, ?)")
                .execute(arguments: [incidentID, service])
        }
        for role in roles {
            var assignment = role
            assignment.id = nil
            assignment.incidentId = incidentID
            try assignment.insert(db)
        }
        let insertEntry = try db.cachedStatement(
            sql: """
                INSERT INTO timelineEntry (incidentId, sequence, kind, author, eventAt, recordedAt, text, details,
                  previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var last: Date?
        for given in entries {
            var entry = given
            entry.incidentId = incidentID
            entry.sequence = stored.timelineCount + 1
            entry.previousHash = stored.timelineHead
            entry.hash = TimelineHasher.hash(incidentKey: stored.key, entry: entry)
            if chain == .verify,
                given.sequence != entry.sequence || given.previousHash != entry.previousHash
                    || given.hash != entry.hash
            {
                throw StoreError.invalid(
                    "\(stored.key): timeline entry \(given.sequence) does not continue the hash chain "
                        + "(expected entry \(entry.sequence)); nothing was imported")
            }
            try insertEntry.execute(arguments: [
                incidentID, entry.sequence, entry.kind.rawValue, entry.author, Timestamp.database(entry.eventAt),
                Timestamp.database(entry.recordedAt), entry.text, entry.details, entry.previousHash, entry.hash,
            ])
            stored.timelineCount = entry.sequence
            stored.timelineHead = entry.hash
            last = max(last ?? entry.eventAt, entry.eventAt)
        }
        stored.lastEntryAt = max(incident.declaredAt, last ?? incident.declaredAt)
        try stored.update(db, columns: SQLiteTransaction.chainColumns)
        return stored
    }
}
