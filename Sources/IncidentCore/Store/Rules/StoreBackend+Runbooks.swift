import Foundation

/// Runbook runs: every write is one transaction that updates the run or step record and appends
/// the matching hash-chained timeline entry through `appendEntry`.
extension StoreBackend {
    /// How much output goes into the timeline's `command-output` entry (head and tail each);
    /// the step record keeps the full 64 KiB + 64 KiB.
    static var timelineOutputExcerpt: Int { 4 * 1024 }

    public func startRunbookRun(
        key: String, runbook: Runbook, variables: [String: String], by attribution: Attribution
    ) throws -> RunbookRun {
        guard runbook.isRunnable else {
            throw StoreError.refused(
                "\(runbook.path) has \(runbook.problems.count) problem(s); fix them before running it")
        }
        let author = try author(attribution)
        return try write { tx in
            var incident = try fetchIncident(tx, key: key)
            if let open = try openRun(tx, incidentId: incident.id!, runbookPath: runbook.path) {
                throw StoreError.refused(
                    "\(incident.key) already has an unfinished run of \(runbook.path) (run #\(open.id!)); resume it")
            }
            let now = now()
            var run = RunbookRun(
                id: nil, incidentId: incident.id!, runbookPath: runbook.path, runbookTitle: runbook.title,
                contentHash: runbook.contentHash, startedBy: author, startedAt: now,
                variables: DetailsJSON.encode(variables), state: .running, endedAt: nil, stepCount: runbook.steps.count)
            try tx.insert(&run)
            var details = [
                "action": "run-started", "run": String(run.id!), "runbook": runbook.path, "title": runbook.title,
                "contentHash": runbook.contentHash, "steps": String(runbook.steps.count),
            ]
            if !variables.isEmpty { details["variables"] = variables.keys.sorted().joined(separator: ",") }
            try appendEntry(
                tx, to: &incident, kind: .runbookStep,
                text: "Runbook started: \(runbook.title) (\(runbook.path), \(runbook.steps.count) steps)",
                details: details, author: author, eventAt: now, recordedAt: now)
            return run
        }
    }

    func openRun(_ tx: Transaction, incidentId: Int64, runbookPath: String) throws -> RunbookRun? {
        try tx.openRun(incidentId: incidentId, runbookPath: runbookPath)
    }

    public func openRunbookRun(key: String, runbookPath: String) throws -> RunbookRun? {
        try read { tx in
            let incident = try fetchIncident(tx, key: key)
            return try openRun(tx, incidentId: incident.id!, runbookPath: runbookPath)
        }
    }

    public func runbookRun(id: Int64) throws -> RunbookRun {
        try read { tx in try fetchRun(tx, id: id) }
    }

    func fetchRun(_ tx: Transaction, id: Int64) throws -> RunbookRun {
        guard let run = try tx.runbookRun(id: id) else {
            throw StoreError.notFound("no runbook run #\(id)")
        }
        return run
    }

    public func runbookRuns(key: String) throws -> [RunbookRun] {
        try read { tx in
            let incident = try fetchIncident(tx, key: key)
            return try tx.runbookRuns(incidentId: incident.id!)
        }
    }

    public func stepRuns(runId: Int64) throws -> [StepRun] {
        try read { tx in
            try tx.stepRuns(runId: runId)
        }
    }

    public func addRunVariables(runId: Int64, variables: [String: String]) throws -> RunbookRun {
        try write { tx in
            var run = try fetchRun(tx, id: runId)
            run.variables = DetailsJSON.encode(run.variableValues.merging(variables) { $1 })
            try tx.update(run)
            return run
        }
    }

    /// Refuses writes to a run that has ended, so a second sitrep cannot add to a closed record.
    func requireRunning(_ run: RunbookRun) throws {
        guard run.state == .running else {
            throw StoreError.refused("runbook run #\(run.id!) is \(run.state.rawValue); nothing was written")
        }
    }

    public func beginStep(runId: Int64, step: RunbookStep, invocation: StepInvocation, by attribution: Attribution)
        throws -> StepRun
    {
        let author = try author(attribution)
        return try write { tx in
            let run = try fetchRun(tx, id: runId)
            try requireRunning(run)
            let now = now()
            var record = StepRun(
                id: nil, runbookRunId: runId, stepId: step.id, stepNumber: step.number, title: step.title,
                command: invocation.command, workingDirectory: invocation.workingDirectory, risk: step.risk,
                outcome: .running, confirmedBy: author, confirmedAt: now, startedAt: now, endedAt: nil,
                durationMilliseconds: nil, exitStatus: nil, signal: nil, outputHead: nil, outputTail: nil,
                outputBytes: 0, outputSHA256: nil, note: nil, continuedBy: nil)
            try tx.insert(&record)
            return record
        }
    }

    public func recordStepProcess(stepRunId: Int64, process: StepProcess) throws {
        try write { tx in
            guard var record = try tx.stepRun(id: stepRunId) else {
                throw StoreError.notFound("no step record #\(stepRunId)")
            }
            guard record.outcome == .running else { return }
            record.processGroup = Int(process.processGroup)
            record.processStartTime = process.startTime
            try tx.update(record)
        }
    }

    public func finishStep(stepRunId: Int64, result: StepExecutionResult) throws -> StepRun {
        try write { tx in
            guard var record = try tx.stepRun(id: stepRunId) else {
                throw StoreError.notFound("no step record #\(stepRunId)")
            }
            guard record.outcome == .running else {
                throw StoreError.refused(
                    "step `\(record.stepId)` is already recorded as \(record.outcome.rawValue); nothing was written")
            }
            let run = try fetchRun(tx, id: record.runbookRunId)
            var incident = try fetchIncident(tx, id: run.incidentId)
            let now = now()
            record.outcome = result.outcome
            record.endedAt = now
            record.durationMilliseconds = Int((result.durationSeconds * 1000).rounded())
            record.exitStatus = result.termination.exitStatus.map(Int.init)
            record.signal = result.termination.signal.map(Int.init)
            record.outputHead = Data(result.output.head)
            record.outputTail = Data(result.output.tail)
            record.outputBytes = result.output.totalBytes
            record.outputSHA256 = result.output.sha256
            if case .notStarted(let reason) = result.termination { record.note = reason }
            if result.expectFound == false { record.note = "expected text not found in the output" }
            try tx.update(record)
            var details = stepDetails(record, run: run)
            details["result"] = result.termination.summary
            if let expectFound = result.expectFound { details["expectFound"] = String(expectFound) }
            let author = record.confirmedBy ?? run.startedBy
            try appendEntry(
                tx, to: &incident, kind: .runbookStep,
                text: "Step \(record.stepNumber)/\(run.stepCount) \(record.title): \(result.summary)",
                details: details, author: author, eventAt: now, recordedAt: now)
            if result.output.totalBytes > 0 {
                try appendEntry(
                    tx, to: &incident, kind: .commandOutput, text: Self.excerpt(result.output),
                    details: [
                        "run": String(run.id!), "step": record.stepId, "bytes": String(result.output.totalBytes),
                        "sha256": result.output.sha256,
                    ], author: author, eventAt: now, recordedAt: now)
            }
            return record
        }
    }

    /// The first and last few KiB of the output for the timeline, cut on UTF-8 boundaries.
    static func excerpt(_ output: CapturedOutput) -> String {
        let all = output.head + output.tail
        let limit = timelineOutputExcerpt
        guard all.count > 2 * limit || output.omittedBytes > 0 else {
            return String(decoding: all, as: UTF8.self)
        }
        let head = String(decoding: all.prefix(limit), as: UTF8.self)
        let tail = String(decoding: all.suffix(limit), as: UTF8.self)
        let omitted = output.totalBytes - 2 * limit
        return head + "\n… \(omitted) bytes not shown (step record keeps more; SHA-256 covers all) …\n" + tail
    }

    func stepDetails(_ record: StepRun, run: RunbookRun) -> [String: String] {
        var details = [
            "run": String(run.id!), "runbook": run.runbookPath, "step": record.stepId,
            "number": String(record.stepNumber), "outcome": record.outcome.rawValue, "command": record.command,
            "risk": record.risk.rawValue,
        ]
        details["confirmedBy"] = record.confirmedBy
        details["confirmedAt"] = record.confirmedAt.map(Timestamp.canonical)
        details["cwd"] = record.workingDirectory
        details["exitStatus"] = record.exitStatus.map(String.init)
        details["signal"] = record.signal.map(String.init)
        details["durationMs"] = record.durationMilliseconds.map(String.init)
        details["note"] = record.note
        if record.outputSHA256 != nil {
            details["outputBytes"] = String(record.outputBytes)
            details["outputSHA256"] = record.outputSHA256
        }
        return details
    }

    public func recordStep(
        runId: Int64, step: RunbookStep, outcome: StepOutcome, note: String?, by attribution: Attribution
    ) throws -> StepRun {
        guard [.done, .skipped, .stopped].contains(outcome) else {
            throw StoreError.invalid("a step is recorded by hand only as done, skipped or stopped")
        }
        let author = try author(attribution)
        return try write { tx in
            let run = try fetchRun(tx, id: runId)
            try requireRunning(run)
            var incident = try fetchIncident(tx, id: run.incidentId)
            let now = now()
            let cleanNote = note.map(StoreText.clean).flatMap { $0.isEmpty ? nil : $0 }
            var record = StepRun(
                id: nil, runbookRunId: runId, stepId: step.id, stepNumber: step.number, title: step.title,
                command: step.command, workingDirectory: nil, risk: step.risk, outcome: outcome,
                confirmedBy: author, confirmedAt: now, startedAt: nil, endedAt: now, durationMilliseconds: nil,
                exitStatus: nil, signal: nil, outputHead: nil, outputTail: nil, outputBytes: 0, outputSHA256: nil,
                note: cleanNote, continuedBy: nil)
            try tx.insert(&record)
            let verb =
                switch outcome {
                case .done: "done by hand"
                case .skipped: "skipped"
                default: "run stopped here"
                }
            try appendEntry(
                tx, to: &incident, kind: .runbookStep,
                text: "Step \(step.number)/\(run.stepCount) \(step.title): \(verb)"
                    + (cleanNote.map { " (\($0))" } ?? ""),
                details: stepDetails(record, run: run), author: author, eventAt: now, recordedAt: now)
            return record
        }
    }

    public func recordContinue(stepRunId: Int64, by attribution: Attribution) throws -> StepRun {
        let author = try author(attribution)
        return try write { tx in
            guard var record = try tx.stepRun(id: stepRunId) else {
                throw StoreError.notFound("no step record #\(stepRunId)")
            }
            let run = try fetchRun(tx, id: record.runbookRunId)
            try requireRunning(run)
            guard record.outcome.isFinal, !record.outcome.letsRunContinue, record.continuedBy == nil else {
                throw StoreError.refused(
                    "step `\(record.stepId)` \(record.outcome.rawValue); there is nothing to continue past")
            }
            var incident = try fetchIncident(tx, id: run.incidentId)
            let now = now()
            record.continuedBy = author
            try tx.update(record)
            try appendEntry(
                tx, to: &incident, kind: .runbookStep,
                text: "Continuing past step \(record.stepNumber) \(record.title) (\(record.outcome.rawValue))",
                details: ["action": "continue", "run": String(run.id!), "step": record.stepId], author: author,
                eventAt: now, recordedAt: now)
            return record
        }
    }

    public func markInterrupted(runId: Int64, leftoversEnded: Set<Int64>, by attribution: Attribution) throws
        -> [StepRun]
    {
        let author = try author(attribution)
        return try write { tx in
            let run = try fetchRun(tx, id: runId)
            var incident = try fetchIncident(tx, id: run.incidentId)
            var records = try tx.runningSteps(runId: runId)
            let now = now()
            for index in records.indices {
                let ended = records[index].id.map(leftoversEnded.contains) ?? false
                let leftovers = ended ? "; its leftover processes were ended" : ""
                records[index].outcome = .interrupted
                records[index].note = "sitrep stopped while the step ran\(leftovers); its result is unknown"
                try tx.update(records[index])
                try appendEntry(
                    tx, to: &incident, kind: .runbookStep,
                    text: "Step \(records[index].stepNumber)/\(run.stepCount) \(records[index].title): interrupted "
                        + "(sitrep stopped while it ran\(leftovers); result unknown)",
                    details: stepDetails(records[index], run: run), author: author, eventAt: now, recordedAt: now)
            }
            return records
        }
    }

    public func finishRunbookRun(runId: Int64, state: RunbookRunState, by attribution: Attribution) throws
        -> RunbookRun
    {
        guard state != .running else { throw StoreError.invalid("a run is finished as completed or stopped") }
        let author = try author(attribution)
        return try write { tx in
            var run = try fetchRun(tx, id: runId)
            try requireRunning(run)
            var incident = try fetchIncident(tx, id: run.incidentId)
            let now = now()
            let counts = try tx.stepOutcomeCounts(runId: runId).map { "\($0.count) \($0.outcome)" }
            run.state = state
            run.endedAt = now
            try tx.update(run)
            let tally = counts.isEmpty ? "no steps recorded" : counts.sorted().joined(separator: ", ")
            try appendEntry(
                tx, to: &incident, kind: .runbookStep,
                text: "Runbook \(state == .completed ? "completed" : "stopped"): \(run.runbookTitle) (\(tally))",
                details: ["action": "run-\(state.rawValue)", "run": String(runId), "runbook": run.runbookPath],
                author: author, eventAt: now, recordedAt: now)
            return run
        }
    }
}
