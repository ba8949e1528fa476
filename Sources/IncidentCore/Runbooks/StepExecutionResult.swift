import Foundation

/// What running one step produced, ready to be recorded.
public struct StepExecutionResult: Sendable, Equatable {
    public var outcome: StepOutcome
    public var termination: StepTermination
    public var output: CapturedOutput
    /// Whether the `expect` text appeared; nil when the step expects nothing.
    public var expectFound: Bool?
    /// Measured on the monotonic clock, so a clock change during the step cannot distort it.
    public var durationSeconds: Double

    public init(
        outcome: StepOutcome, termination: StepTermination, output: CapturedOutput, expectFound: Bool?,
        durationSeconds: Double
    ) {
        self.outcome = outcome
        self.termination = termination
        self.output = output
        self.expectFound = expectFound
        self.durationSeconds = durationSeconds
    }

    /// One line for people: `ran (exit 0, 1.2s, 3 KiB)`, `failed: expected "ok" not in output`.
    public var summary: String {
        var facts = [termination.summary, String(format: "%.1fs", durationSeconds), ByteCount.text(output.totalBytes)]
        if expectFound == false { facts.append("expected text missing") }
        let label = outcome == .timedOut ? "timed out" : outcome.rawValue
        return "\(label) (\(facts.joined(separator: ", ")))"
    }
}
