import IncidentCore

/// The handoff log screen: every handoff with its acknowledgement, and the report of the one
/// waiting (or else the newest) as the incoming engineer reads it.
public struct HandoffLog: Equatable, Sendable {
    public var handoffs: [Handoff]
    public var scrollOffset = 0

    public init(handoffs: [Handoff]) {
        self.handoffs = handoffs
    }

    /// The pending handoff when there is one, since that is the one someone must read now.
    public var featured: Handoff? {
        handoffs.first { !$0.isAcknowledged } ?? handoffs.first
    }
}
