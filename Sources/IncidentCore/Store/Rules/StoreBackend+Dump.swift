import Foundation

/// Whole-store export and import, once for every backend. An import is one write transaction:
/// every chain is checked before anything is written, and a key the target already has, or any
/// failure, leaves the target exactly as it was.
extension StoreBackend {
    public func dump() throws -> StoreDump {
        try read { tx in
            let incidents = try tx.allIncidents().map { incident in
                let id = incident.id!
                return StoreDump.IncidentRecords(
                    incident: incident, services: try tx.services(incidentId: id), tags: try tx.tags(incidentId: id),
                    roles: try tx.roles(incidentId: id), actionItems: try tx.actionItems(incidentId: id),
                    timeline: try tx.timeline(incidentId: id, fromSequence: 1, limit: nil),
                    runbookRuns: try tx.runbookRuns(incidentId: id).map { run in
                        StoreDump.RunRecords(run: run, steps: try tx.stepRuns(runId: run.id!))
                    })
            }
            let handoffs = try tx.handoffs(limit: nil).reversed().map { handoff in
                StoreDump.HandoffRecord(
                    id: handoff.id, from: handoff.from, to: handoff.to, createdAt: handoff.createdAt,
                    notes: handoff.notes, transfersCommand: handoff.transfersCommand,
                    acknowledgedAt: handoff.acknowledgedAt, acknowledgedBy: handoff.acknowledgedBy,
                    report: handoff.report)
            }
            return StoreDump(incidents: incidents, handoffs: handoffs)
        }
    }

    /// Writes every incident and handoff in `dump`; returns how many incidents and entries came in.
    @discardableResult
    public func load(_ dump: StoreDump) throws -> (incidents: Int, entries: Int, handoffs: Int) {
        for records in dump.incidents { try Self.checkChain(records) }
        return try write { tx in
            var entries = 0
            for records in dump.incidents {
                if try tx.incident(key: records.incident.key) != nil {
                    throw StoreError.refused(
                        "\(records.incident.key) is already in \(location); nothing was imported")
                }
                // New ids: the target may hold other incidents; keys, times and hashes are kept.
                var incident = records.incident
                incident.id = nil
                try tx.insert(&incident)
                let id = incident.id!
                try tx.addServices(records.services, incidentId: id)
                try tx.addTags(records.tags, incidentId: id)
                for var role in records.roles {
                    (role.id, role.incidentId) = (nil, id)
                    try tx.insert(&role)
                }
                for var item in records.actionItems {
                    (item.id, item.incidentId) = (nil, id)
                    try tx.insert(&item)
                }
                for var entry in records.timeline {
                    (entry.id, entry.incidentId) = (nil, id)
                    try tx.insert(&entry)
                }
                entries += records.timeline.count
                for runRecords in records.runbookRuns {
                    var run = runRecords.run
                    (run.id, run.incidentId) = (nil, id)
                    try tx.insert(&run)
                    for var step in runRecords.steps {
                        (step.id, step.runbookRunId) = (nil, run.id!)
                        try tx.insert(&step)
                    }
                }
            }
            for record in dump.handoffs {
                let id = try tx.insert(
                    Handoff(
                        id: record.id, from: record.from, to: record.to, createdAt: record.createdAt,
                        notes: record.notes, transfersCommand: record.transfersCommand, report: record.report,
                        acknowledgedAt: nil, acknowledgedBy: nil))
                if let at = record.acknowledgedAt, let by = record.acknowledgedBy {
                    try tx.acknowledge(handoffId: id, at: at, by: by)
                }
            }
            return (dump.incidents.count, entries, dump.handoffs.count)
        }
    }

    /// The incident's entries must be exactly the chain sitrep would compute, ending at the head
    /// the incident records.
    static func checkChain(_ records: StoreDump.IncidentRecords) throws {
        let key = records.incident.key
        var previous = TimelineHasher.genesis
        for (index, entry) in records.timeline.enumerated() {
            guard entry.sequence == index + 1, entry.previousHash == previous,
                TimelineHasher.hash(incidentKey: key, entry: entry) == entry.hash
            else {
                throw StoreError.invalid(
                    "\(key): timeline entry \(entry.sequence) does not continue the hash chain; nothing was imported")
            }
            previous = entry.hash
        }
        guard records.timeline.count == records.incident.timelineCount, previous == records.incident.timelineHead
        else {
            throw StoreError.invalid(
                "\(key): the timeline does not end at the entry the incident records; nothing was imported")
        }
    }
}
