import IncidentCore

/// A runbook being driven from the console, as plain values: what was asked for, the run as
/// recorded so far, where the conversation stands and a bounded tail of the step's output.
public struct RunbookConsoleRun: Equatable, Sendable {
    public var incidentKey: String
    public var nameOrPath: String
    public var phase: RunbookRunPhase
    /// The parsed file once read; shown with its problems when it cannot run.
    public var runbook: Runbook?
    public var preparation: RunbookPreparation?
    public var session: RunbookSession?
    public var output = OutputTail()
    /// False from the moment a prompt is shown until the backend has discarded type-ahead, so a
    /// key pressed before the prompt appeared can never answer it.
    public var promptArmed = false

    public init(incidentKey: String, nameOrPath: String, phase: RunbookRunPhase = .preparing) {
        self.incidentKey = incidentKey
        self.nameOrPath = nameOrPath
        self.phase = phase
    }

    public var isStepRunning: Bool {
        if case .running = phase { return true }
        return false
    }

    /// Whether the run still needs the operator (not finished, not a broken file).
    public var isActive: Bool {
        switch phase {
        case .finished, .problems: false
        default: true
        }
    }

    /// The step the pane is about: the one shown, running or just settled.
    public var currentStepIndex: Int? {
        switch phase {
        case .confirming(let index), .typingName(let index), .afterFailure(let index), .running(let index, _):
            index
        default:
            nil
        }
    }
}
