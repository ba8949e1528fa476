import IncidentCore

/// Results of the handoff screen's effects, posted back by the runtime.
public enum HandoffEvent: Equatable, Sendable {
    /// The report a handoff made now would freeze.
    case previewLoaded(HandoffReport)
    case submitted(Handoff)
    /// The store refused the handoff; the screen stays open with the reason shown.
    case refused(String)
    /// Every handoff, newest first, for the handoff log.
    case logLoaded([Handoff])
}
