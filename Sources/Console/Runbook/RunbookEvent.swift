import IncidentCore

/// What comes back from runbook work the console asked for: the library, a prepared run,
/// records the store wrote, and a running step's output.
public enum RunbookEvent: Equatable, Sendable {
    /// Names in the runbook library, for Tab completion of `:runbook NAME`.
    case libraryLoaded([String])
    case prepared(RunbookPreparation)
    /// The run exists in the store (started, or resumed with the variables just asked added).
    case sessionOpened(RunbookSession)
    /// A skip, a manual step done, or a decision to continue past a failure, as recorded.
    case recorded(StepRun)
    /// Bytes a running step wrote since the last of these; already bounded by the runtime.
    case output([UInt8])
    case stepFinished(StepRun)
    /// The run ended; `last` is the stop record when the operator stopped it.
    case runFinished(RunbookRun, last: StepRun?)
    /// The backend has thrown away keys typed before the current prompt appeared.
    case typeAheadFlushed
    case failed(String)
}
