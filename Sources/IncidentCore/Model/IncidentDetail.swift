import Foundation

/// Everything recorded about one incident, as `show` and `export` present it.
public struct IncidentDetail: Sendable, Equatable {
    public var incident: Incident
    public var services: [String]
    public var tags: [String]
    /// Every assignment ever made, current ones with no end time.
    public var roles: [RoleAssignment]
    public var actionItems: [ActionItem]
    public var timeline: [TimelineEntry]

    public init(
        incident: Incident, services: [String], tags: [String], roles: [RoleAssignment], actionItems: [ActionItem],
        timeline: [TimelineEntry]
    ) {
        self.incident = incident
        self.services = services
        self.tags = tags
        self.roles = roles
        self.actionItems = actionItems
        self.timeline = timeline
    }

    public var currentRoles: [RoleAssignment] { roles.filter { $0.endedAt == nil } }

    public func holder(of role: Role) -> String? {
        currentRoles.first { $0.role == role }?.person
    }
}

extension IncidentDetail {
    /// The detail with every free text (fields, entries and their details, action items) passed
    /// through `redactor`, for exports that leave the machine. Hashes are kept as recorded.
    public func redacted(with redactor: Redactor) -> IncidentDetail {
        var copy = self
        for keyPath in [\Incident.title, \.summary, \.impact, \.rootCause, \.resolution] {
            copy.incident[keyPath: keyPath] = redactor.redact(incident[keyPath: keyPath])
        }
        copy.timeline = timeline.map { entry in
            var redacted = entry
            redacted.text = redactor.redact(entry.text)
            redacted.details = DetailsJSON.encode(entry.detailValues.mapValues(redactor.redact))
            return redacted
        }
        copy.actionItems = actionItems.map { item in
            var redacted = item
            redacted.title = redactor.redact(item.title)
            return redacted
        }
        return copy
    }
}
