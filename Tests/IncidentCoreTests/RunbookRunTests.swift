import Foundation
import GRDB
import Testing

@testable import IncidentCore

/// Runs recorded in a fresh real database: records, timeline entries, hash chains and resuming.
@Suite struct RunbookRunTests {
    let fixture: StoreFixture
    let runner: RunbookRunner
    let runbook: Runbook
    let key: String

    static let text = """
        # Runbook: Pool check

        ## Diagnosis

        ### Look

        ```sh {name=look risk=low}
        echo "looking at $DB_HOST"
        ```

        ### Break

        ```sh {name=break}
        echo broken >&2; exit 4
        ```

        ## Resolution

        - [ ] Tell the team

        ### Fix

        ```sh {name=fix risk=high expect="fixed"}
        echo fixed
        ```
        """

    init() throws {
        fixture = try StoreFixture()
        runner = RunbookRunner(store: fixture.store, executor: StepExecutor(grace: .milliseconds(100)))
        let path = fixture.folder + "/pool.md"
        try Self.text.write(toFile: path, atomically: true, encoding: .utf8)
        runbook = try RunbookParser.parse(fileAt: path)
        key = try fixture.declare().key
    }

    func timeline() throws -> [TimelineEntry] {
        try fixture.store.timeline(key: key, fromSequence: 1, limit: 1000)
    }

    /// The card shows a variable's inherited value only from what it is given, never by reading
    /// the process environment itself.
    @Test func stepCardShowsInheritedVariablesItIsGiven() throws {
        let step = try #require(runbook.step(id: "look"))
        let session = try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        let invocation = session.invocation(for: step)
        let given = RunbookText.stepCard(
            step, of: runbook.steps.count, invocation: invocation, variables: [:], inherited: ["DB_HOST": "db-7"])
        #expect(given.contains("DB_HOST=\"db-7\" (from environment)"), "\(given)")
        let none = RunbookText.stepCard(
            step, of: runbook.steps.count, invocation: invocation, variables: [:], inherited: [:])
        #expect(!none.contains("from environment"), "\(none)")
        let set = RunbookText.stepCard(
            step, of: runbook.steps.count, invocation: invocation, variables: ["DB_HOST": "db-1"],
            inherited: ["DB_HOST": "db-7"])
        #expect(set.contains("DB_HOST=\"db-1\"") && !set.contains("db-7"), "\(set)")
    }

    @Test func aRunRecordsEveryStepInTheStoreAndTheTimeline() async throws {
        // Given a started run with one variable
        var session = try runner.start(
            runbook: runbook, incidentKey: key, variables: ["DB_HOST": "db-1"], by: fixture.alice)
        #expect(session.nextStepIndex == 0)
        #expect(session.run.stepCount == 4)

        // When every step is confirmed, one fails and the operator continues past it
        let look = try await runner.execute(runbook.steps[0], in: session, confirmedBy: fixture.alice)
        session.apply(look)
        let broken = try await runner.execute(runbook.steps[1], in: session, confirmedBy: Attribution(author: "bob"))
        session.apply(broken)
        #expect(session.blockingRecord?.id == broken.id)
        #expect(session.nextStepIndex == 1)
        session.apply(try runner.continuePast(broken, by: fixture.alice))
        #expect(session.blockingRecord == nil)
        session.apply(try runner.record(runbook.steps[2], as: .done, in: session, by: fixture.alice))
        session.apply(try await runner.execute(runbook.steps[3], in: session, confirmedBy: fixture.alice))
        #expect(session.nextStepIndex == nil)
        session.run = try runner.finish(session, as: .completed, by: fixture.alice)

        // Then the records say what happened
        #expect(look.outcome == .ran)
        #expect(look.command == "echo \"looking at $DB_HOST\"\n")
        #expect(look.exitStatus == 0)
        #expect(look.outputText == "looking at db-1\n")
        #expect(look.outputSHA256?.count == 64)
        #expect(look.confirmedBy == "alice")
        #expect(look.workingDirectory == fixture.folder)
        #expect(broken.outcome == .failed)
        #expect(broken.exitStatus == 4)
        #expect(broken.confirmedBy == "bob")
        let stored = try fixture.store.stepRuns(runId: session.run.id!)
        #expect(stored.map(\.outcome) == [.ran, .failed, .done, .ran])
        #expect(stored[1].continuedBy == "alice")
        #expect(stored[3].risk == .high)
        #expect(try fixture.store.runbookRun(id: session.run.id!).state == .completed)
        #expect(session.tally == "2 ran, 1 done, 1 failed")

        // And the timeline has a hash-chained entry for each, plus the output
        let entries = try timeline()
        let kinds = entries.map(\.kind)
        #expect(kinds.filter { $0 == .runbookStep }.count == 7)
        #expect(kinds.filter { $0 == .commandOutput }.count == 3)
        let lookEntry = try #require(entries.first { $0.text.hasPrefix("Step 1/4 Look: ran") })
        #expect(lookEntry.detailValues["exitStatus"] == "0")
        #expect(lookEntry.detailValues["command"] == "echo \"looking at $DB_HOST\"\n")
        #expect(lookEntry.detailValues["confirmedBy"] == "alice")
        #expect(lookEntry.detailValues["outputSHA256"] == look.outputSHA256)
        #expect(entries.contains { $0.kind == .commandOutput && $0.text == "broken\n" })
        #expect(entries.contains { $0.text.hasPrefix("Continuing past step 2 Break") })
        #expect(entries.last?.text == "Runbook completed: Pool check (1 done, 1 failed, 2 ran)")
        #expect(try fixture.store.verifyChains(key: key).holds)
    }

    @Test func aRunSurvivesTheProcessDyingMidStep() async throws {
        // Given a run whose second step was confirmed and started when sitrep died
        var first = try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        first.apply(try await runner.execute(runbook.steps[0], in: first, confirmedBy: fixture.alice))
        _ = try fixture.store.beginStep(
            runId: first.run.id!, step: runbook.steps[1], invocation: first.invocation(for: runbook.steps[1]),
            by: fixture.alice)

        // When the runbook is opened again on the incident
        let reopened = try #require(try runner.resume(runbook: runbook, incidentKey: key, by: fixture.alice))

        // Then it shows what ran, marks the dead step interrupted and waits on it
        #expect(reopened.run.id == first.run.id)
        #expect(reopened.records.map(\.outcome) == [.ran, .interrupted])
        #expect(reopened.nextStepIndex == 1)
        #expect(reopened.blockingRecord?.stepId == "break")
        #expect(try timeline().contains { $0.text.contains("interrupted (sitrep stopped while it ran") })

        // And after continuing, the next step is the one after it
        var session = reopened
        session.apply(try runner.continuePast(session.blockingRecord!, by: fixture.alice))
        #expect(session.nextStepIndex == 2)
        #expect(try fixture.store.verifyChains(key: key).holds)
    }

    @Test func resumeRefusesAChangedRunbookAndRestartStopsTheOldRun() throws {
        _ = try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        #expect(throws: StoreError.self) {
            try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        }
        var changed = runbook
        changed.contentHash = String(repeating: "0", count: 64)
        #expect(throws: StoreError.self) { try runner.resume(runbook: changed, incidentKey: key, by: fixture.alice) }
        try runner.stopOpenRun(runbookPath: runbook.path, incidentKey: key, by: fixture.alice)
        #expect(try runner.resume(runbook: changed, incidentKey: key, by: fixture.alice) == nil)
        #expect(try fixture.store.runbookRuns(key: key).map(\.state) == [.stopped])
    }

    @Test func aRunbookWithProblemsCannotStart() throws {
        let broken = RunbookParser.parse("# Runbook: Bad\n\n```sh {tmeout=1}\necho\n```\n", path: "bad.md")
        #expect(throws: StoreError.self) {
            try runner.start(runbook: broken, incidentKey: key, variables: [:], by: fixture.alice)
        }
    }

    /// A step whose fence is never closed does not stop the run from starting, is passed over,
    /// and is refused with its file:line if anything asks to run it anyway.
    @Test func aStepThatCannotRunIsPassedOverAndRefused() async throws {
        let path = fixture.folder + "/partly.md"
        try
            "# Runbook: Partly\n\n```sh {name=ok}\ntouch ok-ran\n```\n\n- item\n\n  ```sh {name=open}\n  touch open-ran\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let partly = try RunbookParser.parse(fileAt: path)
        let session = try runner.start(runbook: partly, incidentKey: key, variables: [:], by: fixture.alice)
        let open = try #require(partly.step(id: "open"))
        #expect(open.problem?.line == 9)
        #expect(session.isSettled(open))
        #expect(session.nextStepIndex == 0)
        await #expect(
            throws: StoreError.refused("step `open` cannot run: \(path):9: the ``` fence opened here is never closed")
        ) {
            _ = try await runner.execute(open, in: session, confirmedBy: fixture.alice)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/open-ran"))
        var resumed = session
        resumed.apply(
            try await runner.execute(try #require(partly.step(id: "ok")), in: session, confirmedBy: fixture.alice))
        #expect(resumed.nextStepIndex == nil, "the run is through once the runnable step ran")
        #expect(FileManager.default.fileExists(atPath: fixture.folder + "/ok-ran"))
    }

    @Test func skipsAndStopsAreRecordedAndEndedRunsRefuseWrites() throws {
        var session = try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        session.apply(
            try runner.record(runbook.steps[0], as: .skipped, in: session, note: "seen it", by: fixture.alice))
        #expect(session.nextStepIndex == 1)
        session.apply(try runner.record(runbook.steps[1], as: .stopped, in: session, by: fixture.alice))
        session.run = try runner.finish(session, as: .stopped, by: fixture.alice)
        #expect(throws: StoreError.self) {
            try runner.record(runbook.steps[2], as: .done, in: session, by: fixture.alice)
        }
        #expect(throws: StoreError.self) {
            try runner.record(runbook.steps[2], as: .ran, in: session, by: fixture.alice)
        }
        let texts = try timeline().map(\.text)
        #expect(texts.contains("Step 1/4 Look: skipped (seen it)"))
        #expect(texts.contains("Step 2/4 Break: run stopped here"))
        #expect(texts.last == "Runbook stopped: Pool check (1 skipped, 1 stopped)")
    }

    @Test func variablesAreAskedOnceAndOnlyWhenUnknown() throws {
        let steps = runbook.steps
        #expect(RunbookSession.variablesToAsk(for: steps, known: [:], environment: [:]).map(\.name) == ["DB_HOST"])
        #expect(RunbookSession.variablesToAsk(for: steps, known: ["DB_HOST": "x"], environment: [:]).isEmpty)
        #expect(RunbookSession.variablesToAsk(for: steps, known: [:], environment: ["DB_HOST": "env"]).isEmpty)
        var always = steps[0]
        always.promptEnvironment = .always
        #expect(RunbookSession.variablesToAsk(for: [always], known: [:], environment: ["DB_HOST": "env"]).count == 1)
        always.promptEnvironment = .never
        #expect(RunbookSession.variablesToAsk(for: [always], known: [:], environment: [:]).isEmpty)
    }
}
