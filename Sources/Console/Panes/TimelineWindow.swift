import IncidentCore

/// The part of the selected incident's timeline held in memory, plus the scroll position.
/// Only a window is loaded, so a million-entry timeline costs no more than a short one.
public struct TimelineWindow: Equatable, Sendable {
    public var key: String?
    public var totalCount: Int
    public var entries: [TimelineEntry]
    /// Display lines scrolled up from the newest; 0 means following new entries.
    public var scrollBack: Int
    /// True while an older page is being read, so scrolling does not ask twice.
    public var isLoadingOlder: Bool

    public static let empty = TimelineWindow(key: nil, totalCount: 0, entries: [], scrollBack: 0, isLoadingOlder: false)

    public var firstSequence: Int { entries.first?.sequence ?? 1 }
    public var lastSequence: Int { entries.last?.sequence ?? 0 }
    public var hasOlder: Bool { firstSequence > 1 }
    public var isFollowing: Bool { scrollBack == 0 }
}
