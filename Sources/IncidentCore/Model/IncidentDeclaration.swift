import Foundation

/// The facts needed to open an incident.
public struct IncidentDeclaration: Sendable, Equatable {
    public var title: String
    public var severity: Severity
    public var services: [String]
    public var tags: [String]
    public var summary: String
    public var commander: String?
    public var isDrill: Bool
    /// When the problem was first noticed, if earlier than the declaration.
    public var detectedAt: Date?

    public init(
        title: String, severity: Severity, services: [String] = [], tags: [String] = [], summary: String = "",
        commander: String? = nil, isDrill: Bool = false, detectedAt: Date? = nil
    ) {
        self.title = title
        self.severity = severity
        self.services = services
        self.tags = tags
        self.summary = summary
        self.commander = commander
        self.isDrill = isDrill
        self.detectedAt = detectedAt
    }
}
