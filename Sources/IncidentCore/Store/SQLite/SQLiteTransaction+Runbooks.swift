import Foundation
import GRDB

/// Runbook run and step records in SQLite.
extension SQLiteTransaction {
    public func runbookRun(id: Int64) throws -> RunbookRun? {
        try RunbookRun.fetchOne(db, key: id)
    }

    public func openRun(incidentId: Int64, runbookPath: String) throws -> RunbookRun? {
        try RunbookRun.filter(
            Column("incidentId") == incidentId && Column("runbookPath") == runbookPath
                && Column("state") == RunbookRunState.running.rawValue
        ).order(Column("id").desc).fetchOne(db)
    }

    public func runbookRuns(incidentId: Int64) throws -> [RunbookRun] {
        try RunbookRun.filter(Column("incidentId") == incidentId).order(Column("id")).fetchAll(db)
    }

    public func insert(_ run: inout RunbookRun) throws {
        try run.insert(db)
    }

    public func update(_ run: RunbookRun) throws {
        try run.update(db)
    }

    public func stepRun(id: Int64) throws -> StepRun? {
        try StepRun.fetchOne(db, key: id)
    }

    public func stepRuns(runId: Int64) throws -> [StepRun] {
        try StepRun.filter(Column("runbookRunId") == runId).order(Column("id")).fetchAll(db)
    }

    public func runningSteps(runId: Int64) throws -> [StepRun] {
        try StepRun.filter(Column("runbookRunId") == runId && Column("outcome") == StepOutcome.running.rawValue)
            .order(Column("id")).fetchAll(db)
    }

    public func insert(_ step: inout StepRun) throws {
        try step.insert(db)
    }

    public func update(_ step: StepRun) throws {
        try step.update(db)
    }

    public func stepOutcomeCounts(runId: Int64) throws -> [(outcome: String, count: Int)] {
        try Row.fetchAll(
            db, sql: "SELECT outcome, count(*) AS n FROM stepRun WHERE runbookRunId = ? GROUP BY outcome",
            arguments: [runId]
        ).map { (outcome: $0["outcome"], count: $0["n"]) }
    }
}
