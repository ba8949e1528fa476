import Foundation

/// The record of one step in a run: who confirmed it, exactly what ran, and how it ended.
public struct StepRun: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var runbookRunId: Int64
    public var stepId: String
    /// 1-based position of the step in the runbook, so progress survives a reopen.
    public var stepNumber: Int
    public var title: String
    /// The exact command text (or manual task) as shown when it was confirmed.
    public var command: String
    public var workingDirectory: String?
    public var risk: RiskLevel
    public var outcome: StepOutcome
    public var confirmedBy: String?
    public var confirmedAt: Date?
    public var startedAt: Date?
    public var endedAt: Date?
    public var durationMilliseconds: Int?
    public var exitStatus: Int?
    public var signal: Int?
    public var outputHead: Data?
    public var outputTail: Data?
    public var outputBytes: Int
    public var outputSHA256: String?
    /// Why it failed to start, why it was skipped, or that the operator chose to continue past it.
    public var note: String?
    /// Who chose to go on after this step failed; nil while the failure still blocks the run.
    public var continuedBy: String?
    /// The step's process group while it runs, recorded once its process exists; nil for
    /// records written before it started and for steps that never ran a process.
    public var processGroup: Int? = nil
    /// The group leader's start time (clock ticks since boot), which identifies it beyond its pid.
    public var processStartTime: Int64? = nil

    /// The recorded process group, when both halves were recorded.
    public var process: StepProcess? {
        guard let processGroup, let processStartTime else { return nil }
        return StepProcess(processGroup: pid_t(processGroup), startTime: processStartTime)
    }

    /// The kept output as text, with a marker where the middle was dropped.
    public var outputText: String {
        CapturedOutput(
            head: outputHead.map(Array.init) ?? [], tail: outputTail.map(Array.init) ?? [], totalBytes: outputBytes,
            sha256: outputSHA256 ?? ""
        ).text
    }
}
