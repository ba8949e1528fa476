import Foundation
import TerminalUI

@testable import Console
@testable import IncidentCore

/// A small runbook and its run as plain values, for reducer and screen tests of the runbook pane.
enum RunbookSamples {
    static let key = "INC-20251104-001"

    static let steps: [RunbookStep] = [
        RunbookStep(
            id: "pool-status", number: 1, kind: .command, section: "Diagnosis Steps", title: "Pool status",
            command: "psql -h \"$DB_HOST\" -c 'select count(*) from pg_stat_activity'", language: "bash", risk: .low,
            timeout: 30, variables: [RunbookVariable(name: "DB_HOST", defaultValue: nil)], line: 12),
        RunbookStep(
            id: "restart-pgbouncer", number: 2, kind: .command, section: "Resolution Steps",
            title: "Restart pgbouncer", command: "systemctl restart pgbouncer", language: "bash", risk: .high,
            line: 20),
        RunbookStep(
            id: "tell-the-channel", number: 3, kind: .manual, section: "Verification", title: "Tell the channel",
            command: "Post the pool graph in #incident", risk: .low, line: 28),
    ]

    static let runbook = Runbook(
        path: "/srv/runbooks/db-pool.md", title: "Database connection pool exhaustion", metadata: [], overview: "",
        steps: steps, contentHash: "abc", problems: [])

    static func run(variables: String = "{\"DB_HOST\":\"db-2\"}") -> RunbookRun {
        RunbookRun(
            id: 7, incidentId: 1, runbookPath: runbook.path, runbookTitle: runbook.title, contentHash: "abc",
            startedBy: "alice", startedAt: ConsoleSamples.now, variables: variables, state: .running, endedAt: nil,
            stepCount: steps.count)
    }

    static func session(records: [StepRun] = []) -> RunbookSession {
        RunbookSession(incidentKey: key, runbook: runbook, run: run(), records: records)
    }

    static func record(
        _ id: Int64, step: Int, _ outcome: StepOutcome, exit: Int? = nil, milliseconds: Int? = nil,
        continuedBy: String? = nil
    ) -> StepRun {
        let step = steps[step]
        return StepRun(
            id: id, runbookRunId: 7, stepId: step.id, stepNumber: step.number, title: step.title,
            command: step.command, workingDirectory: "/srv/runbooks", risk: step.risk, outcome: outcome,
            confirmedBy: "alice", confirmedAt: ConsoleSamples.now, startedAt: ConsoleSamples.now,
            endedAt: ConsoleSamples.now, durationMilliseconds: milliseconds, exitStatus: exit, signal: nil,
            outputHead: nil, outputTail: nil, outputBytes: 0, outputSHA256: nil, note: nil, continuedBy: continuedBy)
    }

    /// The loaded console after `:runbook db-pool` and the runtime's answer to `.prepare`, with
    /// the effects that answer produced.
    static func prepared(
        size: Size = Size(width: 120, height: 40), runbook: Runbook = runbook, resumed: RunbookSession? = nil,
        missing: [RunbookVariable] = []
    ) -> (ConsoleState, [ConsoleEffect]) {
        var state = ConsoleSamples.loadedState(size: size)
        _ = ConsoleReducer.attachRunbook(&state, nameOrPath: "db-pool", key: key)
        let preparation = RunbookPreparation(incidentKey: key, runbook: runbook, resumed: resumed, missing: missing)
        let effects = ConsoleReducer.apply(&state, .runbook(.prepared(preparation)))
        return (state, effects)
    }

    /// The sample runbook attached and its run opened with `records` already written.
    static func attached(size: Size = Size(width: 120, height: 40), records: [StepRun] = []) -> ConsoleState {
        var (state, _) = prepared(size: size)
        _ = ConsoleReducer.apply(&state, .runbook(.sessionOpened(session(records: records))))
        return state
    }
}
