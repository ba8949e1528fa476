/// What `StepExecutor.events` delivers to an event loop while a step runs.
public enum StepEvent: Sendable {
    /// Bytes as the step wrote them (stdout and stderr interleaved); may split UTF-8 sequences.
    case output([UInt8])
    case finished(StepExecutionResult)
}
