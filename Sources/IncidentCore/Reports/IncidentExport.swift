import Foundation

/// The documented JSON shape of one incident. Field names are a public interface: add, never rename.
public struct IncidentExport: Encodable, Sendable {
    public struct Milestones: Encodable, Sendable {
        var detected: Date
        var declared: Date
        var acknowledged: Date?
        var mitigated: Date?
        var resolved: Date?
        var closed: Date?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(detected, forKey: .detected)
            try container.encode(declared, forKey: .declared)
            try container.encode(acknowledged, forKey: .acknowledged)
            try container.encode(mitigated, forKey: .mitigated)
            try container.encode(resolved, forKey: .resolved)
            try container.encode(closed, forKey: .closed)
        }

        enum CodingKeys: String, CodingKey {
            case detected, declared, acknowledged, mitigated, resolved, closed
        }
    }

    public struct Roles: Encodable, Sendable {
        var commander: String?
        var scribe: String?
        var comms: String?
        var responders: [String]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(commander, forKey: .commander)
            try container.encode(scribe, forKey: .scribe)
            try container.encode(comms, forKey: .comms)
            try container.encode(responders, forKey: .responders)
        }

        enum CodingKeys: String, CodingKey {
            case commander, scribe, comms, responders
        }
    }

    public struct RoleRecord: Encodable, Sendable {
        var role: String
        var person: String
        var assignedAt: Date
        var endedAt: Date?
    }

    public struct Entry: Encodable, Sendable {
        var sequence: Int
        var kind: String
        var author: String
        var eventTime: Date
        var recordedTime: Date
        var text: String
        var details: [String: String]
        var hash: String
    }

    public struct Action: Encodable, Sendable {
        var id: Int64
        var incident: String
        var title: String
        var owner: String?
        var due: String?
        var priority: String
        var type: String
        var status: String
        var createdBy: String
        var createdAt: Date
        var completedBy: String?
        var completedAt: Date?

        public init(incidentKey: String, item: ActionItem) {
            id = item.id ?? 0
            incident = incidentKey
            title = item.title
            owner = item.owner
            due = item.dueDate
            priority = item.priority.rawValue
            type = item.category.rawValue
            status = item.state.rawValue
            createdBy = item.createdBy
            createdAt = item.createdAt
            completedBy = item.completedBy
            completedAt = item.completedAt
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(incident, forKey: .incident)
            try container.encode(title, forKey: .title)
            try container.encode(owner, forKey: .owner)
            try container.encode(due, forKey: .due)
            try container.encode(priority, forKey: .priority)
            try container.encode(type, forKey: .type)
            try container.encode(status, forKey: .status)
            try container.encode(createdBy, forKey: .createdBy)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(completedBy, forKey: .completedBy)
            try container.encode(completedAt, forKey: .completedAt)
        }

        enum CodingKeys: String, CodingKey {
            case id, incident, title, owner, due, priority, type, status, createdBy, createdAt, completedBy, completedAt
        }
    }

    var formatVersion = 1
    var key: String
    var title: String
    var severity: String
    var status: String
    var drill: Bool
    var summary: String
    var impact: String
    var rootCause: String
    var resolution: String
    var services: [String]
    var tags: [String]
    var createdBy: String
    var milestones: Milestones
    var roles: Roles
    var roleHistory: [RoleRecord]
    var actionItems: [Action]
    var timeline: [Entry]

    public init(_ detail: IncidentDetail) {
        let incident = detail.incident
        key = incident.key
        title = incident.title
        severity = incident.severity.rawValue
        status = incident.status.rawValue
        drill = incident.isDrill
        summary = incident.summary
        impact = incident.impact
        rootCause = incident.rootCause
        resolution = incident.resolution
        services = detail.services
        tags = detail.tags
        createdBy = incident.createdBy
        milestones = Milestones(
            detected: incident.detectedAt, declared: incident.declaredAt, acknowledged: incident.acknowledgedAt,
            mitigated: incident.mitigatedAt, resolved: incident.resolvedAt, closed: incident.closedAt)
        roles = Roles(
            commander: detail.holder(of: .commander), scribe: detail.holder(of: .scribe),
            comms: detail.holder(of: .comms),
            responders: detail.currentRoles.filter { $0.role == .responder }.map(\.person))
        roleHistory = detail.roles.map {
            RoleRecord(role: $0.role.rawValue, person: $0.person, assignedAt: $0.assignedAt, endedAt: $0.endedAt)
        }
        actionItems = detail.actionItems.map { Action(incidentKey: incident.key, item: $0) }
        timeline = detail.timeline.map {
            Entry(
                sequence: $0.sequence, kind: $0.kind.rawValue, author: $0.author, eventTime: $0.eventAt,
                recordedTime: $0.recordedAt, text: $0.text, details: $0.detailValues, hash: $0.hash)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(key, forKey: .key)
        try container.encode(title, forKey: .title)
        try container.encode(severity, forKey: .severity)
        try container.encode(status, forKey: .status)
        try container.encode(drill, forKey: .drill)
        try container.encode(summary, forKey: .summary)
        try container.encode(impact, forKey: .impact)
        try container.encode(rootCause, forKey: .rootCause)
        try container.encode(resolution, forKey: .resolution)
        try container.encode(services, forKey: .services)
        try container.encode(tags, forKey: .tags)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(milestones, forKey: .milestones)
        try container.encode(roles, forKey: .roles)
        try container.encode(roleHistory, forKey: .roleHistory)
        try container.encode(actionItems, forKey: .actionItems)
        try container.encode(timeline, forKey: .timeline)
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion, key, title, severity, status, drill, summary, impact, rootCause, resolution, services, tags
        case createdBy, milestones, roles, roleHistory, actionItems, timeline
    }
}
