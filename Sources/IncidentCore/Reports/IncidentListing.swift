import Foundation

/// One row of `sitrep list --json`: the fields a script filters on, with stable names.
public struct IncidentListing: Encodable, Sendable {
    var key: String
    var title: String
    var severity: String
    var status: String
    var drill: Bool
    var services: [String]
    var commander: String?
    var declaredAt: Date
    var lastEntryAt: Date
    var entries: Int

    public init(_ summary: IncidentSummary) {
        let incident = summary.incident
        key = incident.key
        title = incident.title
        severity = incident.severity.rawValue
        status = incident.status.rawValue
        drill = incident.isDrill
        services = summary.services
        commander = summary.commander
        declaredAt = incident.declaredAt
        lastEntryAt = incident.lastEntryAt
        entries = incident.timelineCount
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(title, forKey: .title)
        try container.encode(severity, forKey: .severity)
        try container.encode(status, forKey: .status)
        try container.encode(drill, forKey: .drill)
        try container.encode(services, forKey: .services)
        try container.encode(commander, forKey: .commander)
        try container.encode(declaredAt, forKey: .declaredAt)
        try container.encode(lastEntryAt, forKey: .lastEntryAt)
        try container.encode(entries, forKey: .entries)
    }

    enum CodingKeys: String, CodingKey {
        case key, title, severity, status, drill, services, commander, declaredAt, lastEntryAt, entries
    }
}
