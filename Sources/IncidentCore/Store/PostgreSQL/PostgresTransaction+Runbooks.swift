import Foundation
import PostgresNIO

/// Runbook run and step records in PostgreSQL.
extension PostgresTransaction {
    public func runbookRun(id: Int64) throws -> RunbookRun? {
        try one("SELECT * FROM runbook_run WHERE id = \(id)")?.runbookRun()
    }

    public func openRun(incidentId: Int64, runbookPath: String) throws -> RunbookRun? {
        try one(
            """
            SELECT * FROM runbook_run
            WHERE incident_id = \(incidentId) AND runbook_path = \(runbookPath)
              AND state = \(RunbookRunState.running.rawValue)
            ORDER BY id DESC LIMIT 1
            """)?.runbookRun()
    }

    public func runbookRuns(incidentId: Int64) throws -> [RunbookRun] {
        try rows("SELECT * FROM runbook_run WHERE incident_id = \(incidentId) ORDER BY id").map { try $0.runbookRun() }
    }

    public func insert(_ run: inout RunbookRun) throws {
        let r = run
        run.id = try id(
            """
            INSERT INTO runbook_run (incident_id, runbook_path, runbook_title, content_hash, started_by, started_at,
              variables, state, ended_at, step_count)
            VALUES (\(r.incidentId), \(r.runbookPath), \(r.runbookTitle), \(r.contentHash), \(r.startedBy),
              \(Self.text(r.startedAt)), \(r.variables), \(r.state.rawValue), \(Self.text(r.endedAt)), \(r.stepCount))
            RETURNING id
            """)
    }

    public func update(_ record: RunbookRun) throws {
        try run(
            """
            UPDATE runbook_run SET variables = \(record.variables), state = \(record.state.rawValue),
              ended_at = \(Self.text(record.endedAt))
            WHERE id = \(record.id)
            """)
    }

    public func stepRun(id: Int64) throws -> StepRun? {
        try one("SELECT * FROM step_run WHERE id = \(id)")?.stepRun()
    }

    public func stepRuns(runId: Int64) throws -> [StepRun] {
        try rows("SELECT * FROM step_run WHERE runbook_run_id = \(runId) ORDER BY id").map { try $0.stepRun() }
    }

    public func runningSteps(runId: Int64) throws -> [StepRun] {
        try rows(
            """
            SELECT * FROM step_run WHERE runbook_run_id = \(runId) AND outcome = \(StepOutcome.running.rawValue)
            ORDER BY id
            """
        ).map { try $0.stepRun() }
    }

    public func insert(_ step: inout StepRun) throws {
        let s = step
        step.id = try id(
            """
            INSERT INTO step_run (runbook_run_id, step_id, step_number, title, command, working_directory, risk,
              outcome, confirmed_by, confirmed_at, started_at, ended_at, duration_milliseconds, exit_status, signal,
              output_head, output_tail, output_bytes, output_sha256, note, continued_by, process_group,
              process_start_time)
            VALUES (\(s.runbookRunId), \(s.stepId), \(s.stepNumber), \(s.title), \(s.command),
              \(s.workingDirectory), \(s.risk.rawValue), \(s.outcome.rawValue), \(s.confirmedBy),
              \(Self.text(s.confirmedAt)), \(Self.text(s.startedAt)), \(Self.text(s.endedAt)),
              \(s.durationMilliseconds), \(s.exitStatus), \(s.signal), \(s.outputHead), \(s.outputTail),
              \(s.outputBytes), \(s.outputSHA256), \(s.note), \(s.continuedBy), \(s.processGroup),
              \(s.processStartTime))
            RETURNING id
            """)
    }

    public func update(_ step: StepRun) throws {
        let s = step
        try run(
            """
            UPDATE step_run SET outcome = \(s.outcome.rawValue), confirmed_by = \(s.confirmedBy),
              confirmed_at = \(Self.text(s.confirmedAt)), started_at = \(Self.text(s.startedAt)),
              ended_at = \(Self.text(s.endedAt)), duration_milliseconds = \(s.durationMilliseconds),
              exit_status = \(s.exitStatus), signal = \(s.signal), output_head = \(s.outputHead),
              output_tail = \(s.outputTail), output_bytes = \(s.outputBytes), output_sha256 = \(s.outputSHA256),
              note = \(s.note), continued_by = \(s.continuedBy), process_group = \(s.processGroup),
              process_start_time = \(s.processStartTime)
            WHERE id = \(s.id)
            """)
    }

    public func stepOutcomeCounts(runId: Int64) throws -> [(outcome: String, count: Int)] {
        try rows("SELECT outcome, count(*) AS n FROM step_run WHERE runbook_run_id = \(runId) GROUP BY outcome").map {
            (outcome: try $0["outcome"], count: try $0["n"])
        }
    }
}
