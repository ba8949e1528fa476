import IncidentCore

/// What a text prompt is for, which decides its label and what Enter does.
public enum InputPurpose: Equatable, Sendable {
    case entry(TimelineKind)
    case command
    case filter
    /// An answer the runbook pane asked for (a variable, a high-risk step's name); the label is the question.
    case runbookAnswer(String)

    public var label: String {
        switch self {
        case .entry(.decision): "Decision: "
        case .entry(.comms): "Comms update: "
        case .entry: "Note: "
        case .command: ":"
        case .filter: "/"
        case .runbookAnswer(let question): question
        }
    }
}
