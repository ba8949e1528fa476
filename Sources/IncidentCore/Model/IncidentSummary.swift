import Foundation

/// A row of the incident list: the incident plus its current commander.
public struct IncidentSummary: Codable, Sendable, Equatable {
    public var incident: Incident
    public var commander: String?
    public var services: [String]

    public init(incident: Incident, commander: String?, services: [String]) {
        self.incident = incident
        self.commander = commander
        self.services = services
    }
}
