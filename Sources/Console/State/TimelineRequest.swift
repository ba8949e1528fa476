/// Which slice of a timeline to read: never the whole of a million-entry history.
public enum TimelineRequest: Equatable, Sendable {
    /// The newest `limit` entries.
    case tail(limit: Int)
    /// Up to `limit` entries just before `sequence`, for scrolling back.
    case before(sequence: Int, limit: Int)
    /// Everything after `sequence` (new entries to follow), at most `limit`.
    case after(sequence: Int, limit: Int)
}
