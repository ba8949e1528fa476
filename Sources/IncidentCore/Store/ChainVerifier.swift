import Foundation
import GRDB

/// Walks one incident's timeline in sequence order and recomputes every hash.
enum ChainVerifier {
    static func verify(_ db: Database, incident: Incident, checked: inout Int) throws -> ChainReport.Break? {
        let entries = try TimelineEntry.filter(Column("incidentId") == incident.id).order(
            Column("sequence"), Column("id")
        )
        .fetchCursor(db)
        var expectedSequence = 1
        var previousHash = TimelineHasher.genesis
        func broken(_ sequence: Int, _ id: Int64?, _ reason: String) -> ChainReport.Break {
            ChainReport.Break(incidentKey: incident.key, sequence: sequence, entryID: id, reason: reason)
        }
        while let entry = try entries.next() {
            checked += 1
            if entry.sequence != expectedSequence {
                if entry.sequence > expectedSequence {
                    return broken(
                        expectedSequence, nil,
                        "entry \(expectedSequence) is missing (the next one found is \(entry.sequence)): it was deleted"
                    )
                }
                return broken(entry.sequence, entry.id, "entry \(entry.sequence) appears twice or out of order")
            }
            if entry.previousHash != previousHash {
                return broken(
                    entry.sequence, entry.id,
                    "entry \(entry.sequence) does not follow entry \(entry.sequence - 1): the order was changed")
            }
            if TimelineHasher.hash(incidentKey: incident.key, entry: entry) != entry.hash {
                return broken(
                    entry.sequence, entry.id, "entry \(entry.sequence) does not match its hash: it was edited")
            }
            previousHash = entry.hash
            expectedSequence += 1
        }
        let found = expectedSequence - 1
        if found != incident.timelineCount || previousHash != incident.timelineHead {
            if found < incident.timelineCount {
                return broken(
                    found + 1, nil,
                    "the timeline ends at entry \(found) but \(incident.timelineCount) were recorded: entries were deleted"
                )
            }
            return broken(found, nil, "the timeline's newest entry does not match the one recorded on the incident")
        }
        return nil
    }
}
