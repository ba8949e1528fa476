import IncidentCore

/// One display row of the timeline pane: the first row of an entry carries time, author and
/// kind; wrapped rows carry only text; day rows separate days.
public struct TimelineLine: Equatable, Sendable {
    public enum Part: Equatable, Sendable {
        case day(String)
        case head(time: String, author: String, kind: TimelineKind, text: String)
        case continuation(String)
    }

    public var part: Part
}
