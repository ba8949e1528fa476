/// How a step ended. Raw values are stored and exported, so never rename one.
public enum StepOutcome: String, CaseIterable, Codable, Sendable {
    /// Confirmed, started, and its process has not been seen to end (sitrep may have died meanwhile).
    case running
    /// The command exited 0 and its `expect` text (if any) was in the output.
    case ran
    /// A manual step the operator confirmed as done.
    case done
    /// Non-zero exit, a signal, missing `expect` text, or it could not be started.
    case failed
    case skipped
    /// The operator stopped the run at this step; it did not run.
    case stopped
    /// The operator cancelled the step while it ran; its process group was ended.
    case cancelled
    case timedOut = "timed-out"
    /// sitrep went away while the step ran; its result is unknown.
    case interrupted

    /// Whether the run may move on to the next step after this one without asking.
    public var letsRunContinue: Bool { self == .ran || self == .done || self == .skipped }

    /// Whether the step has ended (anything but `running`).
    public var isFinal: Bool { self != .running }
}
