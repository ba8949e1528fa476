import Foundation

/// One incident as the statistics read it: its recorded milestones, services and how often it
/// was reopened. Only what was recorded; a milestone never stamped has no time.
public struct StatsIncident: Sendable, Equatable {
    public var id: Int64
    public var key: String
    public var severity: Severity
    public var isDrill: Bool
    public var detectedAt: Date
    /// Declared, acknowledged, mitigated and resolved times as stored (detected is `detectedAt`).
    public var milestones: [Milestone: Date]
    public var services: [String]
    /// Status entries that reopened it.
    public var reopens: Int

    public init(
        id: Int64, key: String, severity: Severity, isDrill: Bool, detectedAt: Date, declaredAt: Date,
        acknowledgedAt: Date?, mitigatedAt: Date?, resolvedAt: Date?, services: [String], reopens: Int = 0
    ) {
        self.id = id
        self.key = key
        self.severity = severity
        self.isDrill = isDrill
        self.detectedAt = detectedAt
        var milestones: [Milestone: Date] = [.detected: detectedAt, .declared: declaredAt]
        milestones[.acknowledged] = acknowledgedAt
        milestones[.mitigated] = mitigatedAt
        milestones[.resolved] = resolvedAt
        self.milestones = milestones
        self.services = services
        self.reopens = reopens
    }

    public func time(of milestone: Milestone) -> Date? { milestones[milestone] }
}
