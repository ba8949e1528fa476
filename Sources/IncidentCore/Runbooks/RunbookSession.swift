import Foundation

/// A run's progress as plain values: the runbook, the run and what has been recorded. A UI keeps
/// one in its state, asks it what comes next, and folds in the records the store returns.
public struct RunbookSession: Sendable, Equatable {
    public var incidentKey: String
    public var runbook: Runbook
    public var run: RunbookRun
    /// Every record of the run in the order written; a retried step has several.
    public var records: [StepRun]

    public init(incidentKey: String, runbook: Runbook, run: RunbookRun, records: [StepRun]) {
        self.incidentKey = incidentKey
        self.runbook = runbook
        self.run = run
        self.records = records
    }

    /// The latest record of `step`, which is the one that counts.
    public func record(for step: RunbookStep) -> StepRun? {
        records.last { $0.stepId == step.id }
    }

    /// Adds or replaces (by id) a record the store returned.
    public mutating func apply(_ record: StepRun) {
        if let index = records.firstIndex(where: { $0.id == record.id }) {
            records[index] = record
        } else {
            records.append(record)
        }
    }

    /// Whether the step needs nothing more: ran, done, skipped, or failed and continued past. A
    /// snippet is only shown and a step that cannot run (its `problem`) is passed over.
    public func isSettled(_ step: RunbookStep) -> Bool {
        if step.kind == .snippet || step.problem != nil { return true }
        guard let record = record(for: step) else { return false }
        return record.outcome.letsRunContinue || (record.outcome.isFinal && record.continuedBy != nil)
    }

    /// The position in `runbook.steps` of the first step that is not settled; nil when the run is through.
    public var nextStepIndex: Int? {
        runbook.steps.firstIndex { !isSettled($0) }
    }

    /// The next step's latest record when it ended badly (failed, cancelled, timed out, interrupted):
    /// the operator must retry, continue past it, or stop.
    public var blockingRecord: StepRun? {
        guard let index = nextStepIndex, let record = record(for: runbook.steps[index]) else { return nil }
        return record.outcome.isFinal && !record.outcome.letsRunContinue && record.continuedBy == nil ? record : nil
    }

    public var variables: [String: String] { run.variableValues }

    /// Variables `steps` need that neither the run nor (for `promptEnv` auto) the environment supplies.
    public func missingVariables(
        for steps: [RunbookStep], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [RunbookVariable] {
        Self.variablesToAsk(for: steps, known: variables, environment: environment)
    }

    public static func variablesToAsk(
        for steps: [RunbookStep], known: [String: String], environment: [String: String]
    ) -> [RunbookVariable] {
        var seen = Set<String>()
        var result: [RunbookVariable] = []
        for step in steps where step.kind == .command && step.promptEnvironment != .never {
            for variable in step.variables where known[variable.name] == nil {
                if step.promptEnvironment == .auto, environment[variable.name] != nil { continue }
                if seen.insert(variable.name).inserted { result.append(variable) }
            }
        }
        return result
    }

    /// Exactly what confirming `step` will run, with every variable of the run in its environment.
    public func invocation(for step: RunbookStep) -> StepInvocation {
        StepInvocation(step: step, runbookPath: runbook.path, variables: variables, incidentKey: incidentKey)
    }

    /// `3 ran, 1 skipped`-style tally of the latest record of each step.
    public var tally: String {
        var counts: [StepOutcome: Int] = [:]
        for step in runbook.steps {
            if let record = record(for: step) { counts[record.outcome, default: 0] += 1 }
        }
        if counts.isEmpty { return "nothing recorded yet" }
        return StepOutcome.allCases.compactMap { outcome in counts[outcome].map { "\($0) \(outcome.rawValue)" } }
            .joined(separator: ", ")
    }
}
