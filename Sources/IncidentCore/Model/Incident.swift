import Foundation

/// One incident: what is wrong, how bad, where it stands, and when each milestone happened.
public struct Incident: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var key: String
    public var title: String
    public var severity: Severity
    public var status: IncidentStatus
    public var summary: String
    public var impact: String
    public var rootCause: String
    public var resolution: String
    public var isDrill: Bool
    public var createdBy: String
    public var detectedAt: Date
    public var declaredAt: Date
    public var acknowledgedAt: Date?
    public var mitigatedAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// Event time of the newest timeline entry, so lists can show staleness without a join.
    public var lastEntryAt: Date
    /// Number of timeline entries and the newest entry's hash: lets `verify` notice deleted tails.
    public var timelineCount: Int
    public var timelineHead: String

    public init(
        id: Int64?,
        key: String,
        title: String,
        severity: Severity,
        status: IncidentStatus,
        summary: String,
        impact: String,
        rootCause: String,
        resolution: String,
        isDrill: Bool,
        createdBy: String,
        detectedAt: Date,
        declaredAt: Date,
        acknowledgedAt: Date?,
        mitigatedAt: Date?,
        resolvedAt: Date?,
        closedAt: Date?,
        lastEntryAt: Date,
        timelineCount: Int,
        timelineHead: String
    ) {
        self.id = id
        self.key = key
        self.title = title
        self.severity = severity
        self.status = status
        self.summary = summary
        self.impact = impact
        self.rootCause = rootCause
        self.resolution = resolution
        self.isDrill = isDrill
        self.createdBy = createdBy
        self.detectedAt = detectedAt
        self.declaredAt = declaredAt
        self.acknowledgedAt = acknowledgedAt
        self.mitigatedAt = mitigatedAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.lastEntryAt = lastEntryAt
        self.timelineCount = timelineCount
        self.timelineHead = timelineHead
    }

    public func time(of milestone: Milestone) -> Date? {
        switch milestone {
        case .detected: detectedAt
        case .declared: declaredAt
        case .acknowledged: acknowledgedAt
        case .mitigated: mitigatedAt
        case .resolved: resolvedAt
        case .closed: closedAt
        }
    }

    mutating func setTime(_ date: Date?, of milestone: Milestone) {
        switch milestone {
        case .detected: if let date { detectedAt = date }
        case .declared: if let date { declaredAt = date }
        case .acknowledged: acknowledgedAt = date
        case .mitigated: mitigatedAt = date
        case .resolved: resolvedAt = date
        case .closed: closedAt = date
        }
    }
}
