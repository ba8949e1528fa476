import Foundation

/// Handoffs: the report is built inside the same write transaction that stores it and writes the
/// timeline entries, so what was handed over is exactly what was there.
extension StoreBackend {
    public func createHandoff(_ request: HandoffRequest, by attribution: Attribution) throws -> Handoff {
        let to = StoreText.clean(request.to)
        guard !to.isEmpty else { throw StoreError.invalid("a handoff needs the incoming engineer's name") }
        let from = try author(attribution)
        guard to != from else {
            throw StoreError.refused("\(from) cannot hand over to themselves; nothing was written")
        }
        let notes = StoreText.clean(request.notes)
        return try write { tx in
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            let report = try handoffReport(
                tx, request: HandoffRequest(to: to, notes: notes, transfersCommand: request.transfersCommand),
                from: from, at: at)
            let id = try tx.insert(
                Handoff(
                    id: 0, from: from, to: to, createdAt: at, notes: notes, transfersCommand: request.transfersCommand,
                    report: report, acknowledgedAt: nil, acknowledgedBy: nil))
            for open in report.incidents {
                var incident = try fetchIncident(tx, key: open.key)
                var details = ["handoff": String(id), "from": from, "to": to]
                var text = "Shift handed over from \(from) to \(to) (handoff #\(id))"
                if request.transfersCommand {
                    details["commander"] = "true"
                    text += " with command"
                }
                try appendEntry(
                    tx, to: &incident, kind: .handoff, text: text, details: details, author: from, eventAt: at,
                    recordedAt: recordedAt)
                if request.transfersCommand, open.commander != to {
                    try assign(
                        tx, incident: &incident, role: .commander, person: to, author: from, eventAt: at,
                        recordedAt: recordedAt)
                }
            }
            return Handoff(
                id: id, from: from, to: to, createdAt: at, notes: notes, transfersCommand: request.transfersCommand,
                report: report, acknowledgedAt: nil, acknowledgedBy: nil)
        }
    }

    public func acknowledgeHandoff(id: Int64?, by attribution: Attribution) throws -> Handoff {
        let who = try author(attribution)
        return try write { tx in
            let found = try id.map { try tx.handoff(id: $0) } ?? tx.newestPendingHandoff()
            guard var handoff = found else {
                throw StoreError.notFound(id.map { "no handoff #\($0)" } ?? "no handoff is waiting to be acknowledged")
            }
            if let acknowledgedAt = handoff.acknowledgedAt {
                throw StoreError.refused(
                    "handoff #\(handoff.id) was already acknowledged by \(handoff.acknowledgedBy ?? "someone") at "
                        + "\(Timestamp.iso(acknowledgedAt)); nothing was written")
            }
            guard who != handoff.from else {
                throw StoreError.refused(
                    "\(who) made handoff #\(handoff.id); the incoming engineer (\(handoff.to)) acknowledges it; "
                        + "nothing was written")
            }
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            guard at >= handoff.createdAt else {
                throw StoreError.refused(
                    "the acknowledgement at \(Timestamp.iso(at)) is before handoff #\(handoff.id) at "
                        + "\(Timestamp.iso(handoff.createdAt)); nothing was written")
            }
            try tx.acknowledge(handoffId: handoff.id, at: at, by: who)
            handoff.acknowledgedAt = at
            handoff.acknowledgedBy = who
            let text =
                who == handoff.to
                ? "\(who) acknowledged handoff #\(handoff.id) from \(handoff.from)"
                : "\(who) acknowledged handoff #\(handoff.id) from \(handoff.from) to \(handoff.to)"
            for open in handoff.report.incidents {
                var incident = try fetchIncident(tx, key: open.key)
                try appendEntry(
                    tx, to: &incident, kind: .handoff, text: text,
                    details: [
                        "handoff": String(handoff.id), "acknowledged": "true", "by": who, "from": handoff.from,
                        "to": handoff.to,
                    ], author: who, eventAt: at, recordedAt: recordedAt)
            }
            return handoff
        }
    }

    public func handoffs(limit: Int?) throws -> [Handoff] {
        try read { tx in try tx.handoffs(limit: limit) }
    }

    public func handoff(id: Int64) throws -> Handoff {
        try read { tx in
            guard let handoff = try tx.handoff(id: id) else { throw StoreError.notFound("no handoff #\(id)") }
            return handoff
        }
    }

    public func pendingHandoff() throws -> Handoff? {
        try read { tx in try tx.newestPendingHandoff() }
    }

    public func previewHandoff(_ request: HandoffRequest, from: String, at time: Date) throws -> HandoffReport {
        try read { tx in
            try handoffReport(tx, request: request, from: from, at: Timestamp.truncated(time))
        }
    }

    /// Everything open as of `at`: incidents declared by then and not resolved, open action
    /// items, checks whose latest sample by then is down, and runbook runs still going.
    func handoffReport(_ tx: Transaction, request: HandoffRequest, from: String, at: Date) throws -> HandoffReport {
        var incidents: [HandoffReport.OpenIncident] = []
        for (incident, commander) in try tx.openIncidents(declaredBy: at) {
            let recent = try tx.recentEntries(incidentId: incident.id!, upTo: at, limit: 3)
            incidents.append(
                HandoffReport.OpenIncident(
                    key: incident.key, title: incident.title, severity: incident.severity.rawValue,
                    status: incident.status.rawValue, drill: incident.isDrill, declaredAt: incident.declaredAt,
                    commander: commander, lastUpdateAt: recent.first?.eventAt ?? incident.declaredAt,
                    recentEntries: recent.reversed().map {
                        HandoffReport.Entry(time: $0.eventAt, author: $0.author, kind: $0.kind.rawValue, text: $0.text)
                    }))
        }
        let today = Timestamp.day(at)
        let actions = try tx.actionItems(incidentId: nil, includeDone: false).map { incidentKey, item in
            HandoffReport.OpenAction(
                id: item.id ?? 0, incident: incidentKey, title: item.title, owner: item.owner, due: item.dueDate,
                priority: item.priority.rawValue, overdue: item.dueDate.map { $0 < today } ?? false)
        }
        var failing: [HandoffReport.FailingCheck] = []
        for sample in try tx.latestSamples(upTo: at) where !sample.isUp {
            failing.append(
                HandoffReport.FailingCheck(
                    check: sample.check,
                    downSince: try tx.downSince(check: sample.check, upTo: at) ?? sample.sampledAt,
                    lastSampleAt: sample.sampledAt, latencyMilliseconds: sample.latencyMilliseconds,
                    error: sample.error))
        }
        return HandoffReport(
            generatedAt: at, from: from, to: request.to, notes: request.notes,
            transfersCommand: request.transfersCommand, incidents: incidents, actionItems: actions,
            failingChecks: failing, runbookRuns: try tx.runningRuns(startedBy: at))
    }
}
