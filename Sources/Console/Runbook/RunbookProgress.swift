import IncidentCore

/// The newest runbook run on an incident and its recorded steps, for the runbook pane.
public struct RunbookProgress: Equatable, Sendable {
    public var run: RunbookRun
    public var steps: [StepRun]

    public init(run: RunbookRun, steps: [StepRun]) {
        self.run = run
        self.steps = steps
    }
}
