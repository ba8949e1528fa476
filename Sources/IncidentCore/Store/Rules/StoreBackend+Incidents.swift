import Foundation

/// The incident rules, once for every backend: validation, milestones, entry texts and details.
extension StoreBackend {
    // MARK: - Writes

    public func declareIncident(_ declaration: IncidentDeclaration, by attribution: Attribution) throws -> Incident {
        let title = StoreText.clean(declaration.title)
        guard !title.isEmpty else { throw StoreError.invalid("an incident needs a title") }
        let author = try author(attribution)
        let services = StoreText.uniqueNonEmpty(declaration.services)
        let tags = StoreText.uniqueNonEmpty(declaration.tags)
        return try write { tx in
            let recordedAt = now()
            let declaredAt = try eventTime(attribution, now: recordedAt)
            let detectedAt = declaration.detectedAt.map(Timestamp.truncated) ?? declaredAt
            if detectedAt > declaredAt {
                throw StoreError.refused(
                    "detection time \(Timestamp.iso(detectedAt)) is after the declaration at "
                        + "\(Timestamp.iso(declaredAt)); nothing was written")
            }
            var incident = try insertNewIncident(
                tx, title: title, severity: declaration.severity, summary: StoreText.clean(declaration.summary),
                isDrill: declaration.isDrill, author: author, detectedAt: detectedAt, declaredAt: declaredAt,
                services: services)
            try tx.addTags(tags, incidentId: incident.id!)
            var details = ["to": IncidentStatus.detected.rawValue, "severity": declaration.severity.rawValue]
            if !services.isEmpty { details["services"] = services.joined(separator: ",") }
            if declaration.isDrill { details["drill"] = "true" }
            let drill = declaration.isDrill ? " drill" : ""
            let on = services.isEmpty ? "" : " on \(services.joined(separator: ", "))"
            try appendEntry(
                tx, to: &incident, kind: .status,
                text: "Declared \(declaration.severity.rawValue)\(drill) incident\(on): \(title)", details: details,
                author: author, eventAt: declaredAt, recordedAt: recordedAt)
            if let commander = declaration.commander.map(StoreText.clean), !commander.isEmpty {
                try assign(
                    tx, incident: &incident, role: .commander, person: commander, author: author, eventAt: declaredAt,
                    recordedAt: recordedAt)
            }
            return incident
        }
    }

    /// Inserts a just-declared incident (a fresh key, status detected, an empty chain) with its
    /// services; the caller appends the declaration entry.
    func insertNewIncident(
        _ tx: Transaction, title: String, severity: Severity, summary: String, isDrill: Bool, author: String,
        detectedAt: Date, declaredAt: Date, services: [String]
    ) throws -> Incident {
        var incident = Incident(
            id: nil, key: try nextKey(tx, declaredAt: declaredAt), title: title, severity: severity,
            status: .detected, summary: summary, impact: "", rootCause: "", resolution: "", isDrill: isDrill,
            createdBy: author, detectedAt: detectedAt, declaredAt: declaredAt, acknowledgedAt: nil, mitigatedAt: nil,
            resolvedAt: nil, closedAt: nil, lastEntryAt: declaredAt, timelineCount: 0,
            timelineHead: TimelineHasher.genesis)
        try tx.insert(&incident)
        try tx.addServices(services, incidentId: incident.id!)
        return incident
    }

    /// `INC-YYYYMMDD-NNN`, numbered within the declaration day. Runs inside the immediate
    /// transaction, so two processes can never pick the same number.
    func nextKey(_ tx: Transaction, declaredAt: Date) throws -> String {
        let prefix = "INC-\(Timestamp.compactDay(declaredAt))-"
        let last = try tx.lastKey(withPrefix: prefix)
        let number = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        return prefix + Timestamp.padded(number, 3)
    }

    public func appendNote(key: String, text: String, kind: TimelineKind, by attribution: Attribution) throws
        -> TimelineEntry
    {
        let body = StoreText.clean(text)
        guard !body.isEmpty else { throw StoreError.invalid("the note is empty") }
        let author = try author(attribution)
        return try write { tx in
            var incident = try fetchIncident(tx, key: key)
            let recordedAt = now()
            return try appendEntry(
                tx, to: &incident, kind: kind, text: body, author: author,
                eventAt: try eventTime(attribution, now: recordedAt), recordedAt: recordedAt)
        }
    }

    public func changeStatus(key: String, move: StatusMove, note: String?, by attribution: Attribution) throws
        -> Incident
    {
        let author = try author(attribution)
        return try write { tx in
            var incident = try fetchIncident(tx, key: key)
            let original = incident
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            let from = incident.status
            let target = try StatusRules.target(of: move, incident: incident)
            try StatusRules.checkTime(at, for: move, target: target, incident: incident)
            if move == .reopen {
                for milestone in [Milestone.mitigated, .resolved, .closed] {
                    incident.setTime(nil, of: milestone)
                }
            }
            if let milestone = target.milestone, incident.time(of: milestone) == nil {
                incident.setTime(at, of: milestone)
            }
            incident.status = target
            var details = ["from": from.rawValue, "to": target.rawValue]
            var text = "Status \(from.rawValue) → \(target.rawValue)"
            if move == .reopen {
                details["reopened"] = "true"
                text = "\(StoreText.reopenedPrefix) status \(from.rawValue) → \(target.rawValue)"
            }
            if let note = note.map(StoreText.clean), !note.isEmpty {
                details["note"] = note
                text += ": \(note)"
            }
            try tx.update(incident, from: original)
            try appendEntry(
                tx, to: &incident, kind: .status, text: text, details: details, author: author, eventAt: at,
                recordedAt: recordedAt)
            return incident
        }
    }

    public func changeSeverity(key: String, to severity: Severity, note: String?, by attribution: Attribution) throws
        -> Incident
    {
        let author = try author(attribution)
        return try write { tx in
            var incident = try fetchIncident(tx, key: key)
            let from = incident.severity
            guard from != severity else {
                throw StoreError.refused("\(incident.key) is already \(severity.rawValue); nothing was written")
            }
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            let original = incident
            incident.severity = severity
            try tx.update(incident, from: original)
            var details = ["from": from.rawValue, "to": severity.rawValue]
            var text = "Severity \(from.rawValue) → \(severity.rawValue)"
            if let note = note.map(StoreText.clean), !note.isEmpty {
                details["note"] = note
                text += ": \(note)"
            }
            try appendEntry(
                tx, to: &incident, kind: .severity, text: text, details: details, author: author, eventAt: at,
                recordedAt: recordedAt)
            return incident
        }
    }

    public func assignRole(key: String, role: Role, person: String, by attribution: Attribution) throws
        -> RoleAssignment
    {
        let name = StoreText.clean(person)
        guard !name.isEmpty else { throw StoreError.invalid("the \(role.title)'s name is empty") }
        let author = try author(attribution)
        return try write { tx in
            var incident = try fetchIncident(tx, key: key)
            let recordedAt = now()
            return try assign(
                tx, incident: &incident, role: role, person: name, author: author,
                eventAt: try eventTime(attribution, now: recordedAt), recordedAt: recordedAt)
        }
    }

    @discardableResult
    func assign(
        _ tx: Transaction, incident: inout Incident, role: Role, person: String, author: String, eventAt: Date,
        recordedAt: Date
    ) throws -> RoleAssignment {
        let current = try tx.currentHolders(incidentId: incident.id!, role: role)
        if current.contains(where: { $0.person == person }) {
            throw StoreError.refused("\(person) is already \(role.title) of \(incident.key); nothing was written")
        }
        var details = ["role": role.rawValue, "to": person]
        var text = "\(role.title.capitalizedFirst): \(person)"
        if role.isSingleHolder, var previous = current.first {
            previous.endedAt = eventAt
            try tx.update(previous)
            details["from"] = previous.person
            text = "\(role.title.capitalizedFirst) \(previous.person) → \(person)"
        } else if role == .responder {
            text = "Responder joined: \(person)"
        }
        var assignment = RoleAssignment(
            id: nil, incidentId: incident.id!, role: role, person: person, assignedAt: eventAt, endedAt: nil)
        try tx.insert(&assignment)
        try appendEntry(
            tx, to: &incident, kind: .role, text: text, details: details, author: author, eventAt: eventAt,
            recordedAt: recordedAt)
        return assignment
    }

    public func releaseRole(key: String, role: Role, person: String, by attribution: Attribution) throws {
        let name = StoreText.clean(person)
        let author = try author(attribution)
        try write { tx in
            var incident = try fetchIncident(tx, key: key)
            guard
                var assignment = try tx.currentHolders(incidentId: incident.id!, role: role).first(where: {
                    $0.person == name
                })
            else {
                throw StoreError.refused("\(name) is not \(role.title) of \(incident.key); nothing was written")
            }
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            assignment.endedAt = at
            try tx.update(assignment)
            try appendEntry(
                tx, to: &incident, kind: .role, text: "\(role.title.capitalizedFirst) \(name) stood down",
                details: ["role": role.rawValue, "from": name], author: author, eventAt: at, recordedAt: recordedAt)
        }
    }

    public func updateField(key: String, field: IncidentField, value: String, by attribution: Attribution) throws
        -> Incident
    {
        let text = StoreText.clean(value)
        if field == .title, text.isEmpty { throw StoreError.invalid("an incident needs a title") }
        let author = try author(attribution)
        return try write { tx in
            var incident = try fetchIncident(tx, key: key)
            let original = incident
            let previous: String
            switch field {
            case .title: (previous, incident.title) = (incident.title, text)
            case .summary: (previous, incident.summary) = (incident.summary, text)
            case .impact: (previous, incident.impact) = (incident.impact, text)
            case .rootCause: (previous, incident.rootCause) = (incident.rootCause, text)
            case .resolution: (previous, incident.resolution) = (incident.resolution, text)
            }
            guard previous != text else {
                throw StoreError.refused("\(field.rawValue) of \(incident.key) is already that; nothing was written")
            }
            try tx.update(incident, from: original)
            let recordedAt = now()
            let label = field.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
            try appendEntry(
                tx, to: &incident, kind: .field, text: text.isEmpty ? "\(label) cleared" : "\(label): \(text)",
                details: ["field": field.rawValue, "from": previous, "to": text], author: author,
                eventAt: try eventTime(attribution, now: recordedAt), recordedAt: recordedAt)
            return incident
        }
    }

    public func addActionItem(key: String, draft: ActionItemDraft, by attribution: Attribution) throws -> ActionItem {
        let title = StoreText.clean(draft.title)
        guard !title.isEmpty else { throw StoreError.invalid("an action item needs a title") }
        if let due = draft.dueDate, Timestamp.parseDay(due) == nil {
            throw StoreError.invalid("due date \(due) is not a calendar day like 2025-11-30")
        }
        let owner = draft.owner.map(StoreText.clean).flatMap { $0.isEmpty ? nil : $0 }
        let author = try author(attribution)
        return try write { tx in
            var incident = try fetchIncident(tx, key: key)
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            var item = ActionItem(
                id: nil, incidentId: incident.id!, title: title, owner: owner, dueDate: draft.dueDate,
                priority: draft.priority, category: draft.category, state: .open, createdBy: author, createdAt: at,
                completedBy: nil, completedAt: nil)
            try tx.insert(&item)
            var facts = [draft.priority.rawValue, draft.category.rawValue]
            if let owner { facts.insert("owner \(owner)", at: 0) }
            if let due = draft.dueDate { facts.insert("due \(due)", at: owner == nil ? 0 : 1) }
            var details = [
                "action": "added", "id": String(item.id!), "title": title, "priority": draft.priority.rawValue,
                "type": draft.category.rawValue,
            ]
            details["owner"] = owner
            details["due"] = draft.dueDate
            try appendEntry(
                tx, to: &incident, kind: .action,
                text: "Action item #\(item.id!) added: \(title) (\(facts.joined(separator: ", ")))", details: details,
                author: author, eventAt: at, recordedAt: recordedAt)
            return item
        }
    }

    public func completeActionItem(id: Int64, by attribution: Attribution) throws -> ActionItem {
        let author = try author(attribution)
        return try write { tx in
            guard var item = try tx.actionItem(id: id) else {
                throw StoreError.notFound("no action item #\(id)")
            }
            guard item.state == .open else {
                throw StoreError.refused("action item #\(id) is already done; nothing was written")
            }
            guard var incident = try tx.incident(id: item.incidentId) else {
                throw StoreError.notFound("action item #\(id) belongs to no incident")
            }
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            item.state = .done
            item.completedAt = at
            item.completedBy = author
            try tx.update(item)
            try appendEntry(
                tx, to: &incident, kind: .action, text: "Action item #\(id) done: \(item.title)",
                details: ["action": "done", "id": String(id), "title": item.title], author: author, eventAt: at,
                recordedAt: recordedAt)
            return item
        }
    }

    // MARK: - Reads

    public func incidents(includeInactive: Bool) throws -> [IncidentSummary] {
        try read { tx in try tx.summaries(activeOnly: !includeInactive) }
    }

    public func incident(key: String) throws -> Incident {
        try read { tx in try fetchIncident(tx, key: key) }
    }

    public func detail(key: String) throws -> IncidentDetail {
        try read { tx in try detail(tx, incident: try fetchIncident(tx, key: key), includingTimeline: true) }
    }

    /// Everything about an incident; long reports read the timeline themselves, row by row.
    func detail(_ tx: Transaction, incident: Incident, includingTimeline: Bool) throws -> IncidentDetail {
        let id = incident.id!
        return IncidentDetail(
            incident: incident, services: try tx.services(incidentId: id), tags: try tx.tags(incidentId: id),
            roles: try tx.roles(incidentId: id), actionItems: try tx.actionItems(incidentId: id),
            timeline: includingTimeline ? try tx.timeline(incidentId: id, fromSequence: 1, limit: nil) : [])
    }

    public func actionItems(key: String?, includeDone: Bool) throws -> [(incidentKey: String, item: ActionItem)] {
        try read { tx in
            let incidentId = try key.map { try fetchIncident(tx, key: $0).id! }
            return try tx.actionItems(incidentId: incidentId, includeDone: includeDone)
        }
    }

    public func timeline(key: String, fromSequence: Int, limit: Int) throws -> [TimelineEntry] {
        try read { tx in
            let incident = try fetchIncident(tx, key: key)
            return try tx.timeline(incidentId: incident.id!, fromSequence: fromSequence, limit: limit)
        }
    }

    public func verifyChains(key: String?) throws -> ChainReport {
        try read { tx in
            let incidents: [Incident] = if let key { [try fetchIncident(tx, key: key)] } else { try tx.allIncidents() }
            var report = ChainReport(incidentsChecked: 0, entriesChecked: 0, firstBreak: nil)
            for incident in incidents {
                report.incidentsChecked += 1
                if let broken = try ChainVerifier.verify(tx, incident: incident, checked: &report.entriesChecked) {
                    report.firstBreak = broken
                    return report
                }
            }
            return report
        }
    }
}
