import IncidentCore

/// What a text prompt is for, which decides its label and what Enter does.
public enum InputPurpose: Equatable, Sendable {
    case entry(TimelineKind)
    case command
    case filter

    public var label: String {
        switch self {
        case .entry(.decision): "Decision: "
        case .entry(.comms): "Comms update: "
        case .entry: "Note: "
        case .command: ":"
        case .filter: "/"
        }
    }
}
