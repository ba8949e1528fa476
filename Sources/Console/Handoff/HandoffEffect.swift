import IncidentCore

/// Store work for the handoff screen; the runtime performs it and posts a `HandoffEvent`.
public enum HandoffEffect: Equatable, Sendable {
    /// Builds the report a handoff would freeze now, storing nothing.
    case preview(HandoffRequest)
    case submit(HandoffRequest)
    case loadLog
}
