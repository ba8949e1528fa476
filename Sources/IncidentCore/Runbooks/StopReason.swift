/// Why sitrep ended a running step's process group.
public enum StopReason: String, Sendable {
    case cancelled
    case timedOut
}
