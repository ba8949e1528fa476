import Foundation

/// Alert intake, once for every backend. A group with an open incident gets an `alert` entry
/// only for what changed (started, acknowledged, resolved); a group whose incident was resolved
/// or closed opens a new incident that names the old key; resolves leave the status to people
/// unless the route says to mitigate.
extension StoreBackend {
    public func recordAlert(_ notification: AlertNotification, plan: AlertPlan) throws -> AlertOutcome {
        let author = notification.source.author
        return try write { tx in
            let recordedAt = now()
            let group = try tx.alertGroup(key: notification.groupKey)
            var previousKey: String?
            if let group {
                var incident = try fetchIncident(tx, id: group.incidentId)
                if incident.status.isActive {
                    let changes = AlertChanges(recorded: group.states, incoming: notification.alerts)
                    guard !changes.isEmpty else { return .unchanged(incident.key) }
                    try appendAlert(tx, to: &incident, notification, changes, previousKey: nil, at: recordedAt)
                    try tx.saveAlertStates(changes.states, incidentId: incident.id!)
                    if plan.mitigateWhenResolved, changes.allResolved,
                        incident.status.rank < IncidentStatus.mitigated.rank
                    {
                        try mitigate(tx, &incident, author: author, at: recordedAt)
                    }
                    return .updated(incident.key)
                }
                previousKey = incident.key
            }
            guard notification.hasActiveAlerts else { return .ignored }
            let changes = AlertChanges(recorded: [:], incoming: notification.alerts)
            var incident = try declare(tx, notification, plan: plan, author: author, at: recordedAt)
            try tx.linkAlertGroup(
                key: notification.groupKey, source: notification.source, incidentId: incident.id!, at: recordedAt)
            try appendAlert(tx, to: &incident, notification, changes, previousKey: previousKey, at: recordedAt)
            try tx.saveAlertStates(changes.states, incidentId: incident.id!)
            if let runbook = plan.runbook {
                try appendEntry(
                    tx, to: &incident, kind: .note,
                    text: "Runbook attached by the alert route: \(runbook.title) (\(runbook.path)); run it with "
                        + "`sitrep runbook run \(runbook.path) --incident \(incident.key)`",
                    details: ["runbook": runbook.path, "title": runbook.title, "attachedBy": "alert-route"],
                    author: author, eventAt: recordedAt, recordedAt: recordedAt)
            } else if let problem = plan.runbookProblem {
                try appendEntry(
                    tx, to: &incident, kind: .note, text: "The alert route's runbook could not be attached: \(problem)",
                    details: ["runbookProblem": problem], author: author, eventAt: recordedAt, recordedAt: recordedAt)
            }
            return .declared(incident.key)
        }
    }

    private func declare(
        _ tx: Transaction, _ notification: AlertNotification, plan: AlertPlan, author: String, at recordedAt: Date
    ) throws -> Incident {
        let title = StoreText.clean(plan.title).isEmpty ? notification.groupKey : StoreText.clean(plan.title)
        let detectedAt = min(notification.detectedAt.map(Timestamp.truncated) ?? recordedAt, recordedAt)
        let services = StoreText.uniqueNonEmpty([plan.service].compactMap { $0 })
        var incident = try insertNewIncident(
            tx, title: title, severity: plan.severity, summary: StoreText.clean(notification.message ?? ""),
            isDrill: false, author: author, detectedAt: detectedAt, declaredAt: recordedAt, services: services)
        var details = [
            "to": IncidentStatus.detected.rawValue, "severity": plan.severity.rawValue,
            "source": notification.source.rawValue,
        ]
        if !services.isEmpty { details["services"] = services.joined(separator: ",") }
        let on = services.isEmpty ? "" : " on \(services.joined(separator: ", "))"
        try appendEntry(
            tx, to: &incident, kind: .status,
            text: "Declared \(plan.severity.rawValue) incident\(on) from \(notification.source.title): \(title)",
            details: details, author: author, eventAt: recordedAt, recordedAt: recordedAt)
        return incident
    }

    private func appendAlert(
        _ tx: Transaction, to incident: inout Incident, _ notification: AlertNotification, _ changes: AlertChanges,
        previousKey: String?, at recordedAt: Date
    ) throws {
        try appendEntry(
            tx, to: &incident, kind: .alert,
            text: AlertEntry.text(source: notification.source, changes: changes, previousKey: previousKey),
            details: AlertEntry.details(notification: notification, changes: changes, previousKey: previousKey),
            author: notification.source.author, eventAt: recordedAt, recordedAt: recordedAt)
    }

    private func mitigate(_ tx: Transaction, _ incident: inout Incident, author: String, at time: Date) throws {
        let original = incident
        let from = incident.status
        incident.status = .mitigated
        if incident.mitigatedAt == nil { incident.mitigatedAt = time }
        try tx.update(incident, from: original)
        try appendEntry(
            tx, to: &incident, kind: .status, text: "Status \(from.rawValue) → mitigated: every alert resolved",
            details: ["from": from.rawValue, "to": IncidentStatus.mitigated.rawValue, "reason": "alerts-resolved"],
            author: author, eventAt: time, recordedAt: time)
    }
}
