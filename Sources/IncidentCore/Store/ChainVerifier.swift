import Foundation

/// Walks one incident's timeline in sequence order and recomputes every hash.
enum ChainVerifier {
    static func verify(_ tx: some StoreTransaction, incident: Incident, checked: inout Int) throws
        -> ChainReport.Break?
    {
        var expectedSequence = 1
        var previousHash = TimelineHasher.genesis
        func broken(_ sequence: Int, _ id: Int64?, _ reason: String) -> ChainReport.Break {
            ChainReport.Break(incidentKey: incident.key, sequence: sequence, entryID: id, reason: reason)
        }
        func check(_ entry: TimelineEntry) -> ChainReport.Break? {
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
            return nil
        }
        var found: ChainReport.Break?
        var count = 0
        try tx.forEachEntry(incidentId: incident.id!) { entry in
            guard found == nil else { return }
            count += 1
            found = check(entry)
        }
        checked += count
        if let found { return found }
        let last = expectedSequence - 1
        if last != incident.timelineCount || previousHash != incident.timelineHead {
            if last < incident.timelineCount {
                return broken(
                    last + 1, nil,
                    "the timeline ends at entry \(last) but \(incident.timelineCount) were recorded: entries were deleted"
                )
            }
            return broken(last, nil, "the timeline's newest entry does not match the one recorded on the incident")
        }
        return nil
    }
}
