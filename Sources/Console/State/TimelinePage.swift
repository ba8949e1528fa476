import IncidentCore

/// A slice of one incident's timeline as read from the store.
public struct TimelinePage: Equatable, Sendable {
    public var key: String
    public var request: TimelineRequest
    /// How many entries the incident has in all, so the view knows what lies beyond the slice.
    public var totalCount: Int
    public var entries: [TimelineEntry]

    public init(key: String, request: TimelineRequest, totalCount: Int, entries: [TimelineEntry]) {
        self.key = key
        self.request = request
        self.totalCount = totalCount
        self.entries = entries
    }
}
