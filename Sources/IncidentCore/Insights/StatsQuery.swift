import Foundation

/// What a look back asks for: a window of detection times, optional filters and a grouping.
public struct StatsQuery: Sendable, Equatable {
    public var window: StatsWindow
    public var service: String?
    public var severity: Severity?
    /// Drills are left out unless asked for: they would flatter every figure.
    public var includeDrills: Bool
    public var grouping: StatsGrouping
    /// The moment "overdue" is judged at (and relative ranges were measured from).
    public var asOf: Date

    public init(
        window: StatsWindow, service: String? = nil, severity: Severity? = nil, includeDrills: Bool = false,
        grouping: StatsGrouping = .week, asOf: Date
    ) {
        self.window = window
        self.service = service
        self.severity = severity
        self.includeDrills = includeDrills
        self.grouping = grouping
        self.asOf = asOf
    }

    /// `2025-01-01 – 2025-03-31, service checkout, P1, drills included`: what the figures cover.
    public var scope: String {
        var parts = [window.description]
        if let service { parts.append("service \(service)") }
        if let severity { parts.append(severity.rawValue) }
        if includeDrills { parts.append("drills included") }
        return parts.joined(separator: ", ")
    }
}
