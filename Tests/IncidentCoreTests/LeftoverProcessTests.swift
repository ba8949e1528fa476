import Foundation
import Testing

@testable import IncidentCore

#if canImport(Glibc)
    import Glibc
#endif

/// Resuming a run whose sitrep was killed mid-step ends the step's process group when, and only
/// when, its recorded leader is still the same process. The groups here are real `sleep`s the
/// test starts in their own session, as the executor would.
@Suite struct LeftoverProcessTests {
    let fixture: StoreFixture
    let runner: RunbookRunner
    let runbook: Runbook
    let key: String

    static let text = """
        # Runbook: Leftovers

        ## Diagnosis

        ### Wait
        ```sh {name=wait risk=low}
        sleep 600
        ```
        """

    init() throws {
        fixture = try StoreFixture()
        runner = RunbookRunner(store: fixture.store, executor: StepExecutor(grace: .milliseconds(200)))
        let path = fixture.folder + "/leftovers.md"
        try Self.text.write(toFile: path, atomically: true, encoding: .utf8)
        runbook = try RunbookParser.parse(fileAt: path)
        key = try fixture.declare().key
    }

    /// `bash -c 'sleep 600 & sleep 600'` as the leader of a new session, so the group has a
    /// leader and a background child, like a step that forked.
    func startGroup() throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID; Glibc's Swift module leaves the GNU flag out.
        posix_spawnattr_setflags(&attributes, 0x80)
        let arguments = ["/bin/bash", "-c", "sleep 600 & sleep 600"]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/bash", nil, &attributes, &argv, environ)
        try #require(status == 0)
        // Poll (bounded) until bash has started its children, so the group is complete.
        let deadline = Date().addingTimeInterval(10)
        while StepProcess.liveMembers(ofGroup: pid).count < 3, Date() < deadline { usleep(10_000) }
        try #require(StepProcess.liveMembers(ofGroup: pid).count == 3)
        return pid
    }

    /// A run whose step was confirmed, started as `group` and then left when sitrep died.
    func runLeftRunning(group: pid_t, startTime: Int64) throws -> StepRun {
        let session = try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        let step = runbook.steps[0]
        let begun = try fixture.store.beginStep(
            runId: session.run.id!, step: step, invocation: session.invocation(for: step), by: fixture.alice)
        try fixture.store.recordStepProcess(
            stepRunId: begun.id!, process: StepProcess(processGroup: group, startTime: startTime))
        return begun
    }

    /// Reaps the test's own child (the leader) and polls, with a deadline that only bounds a
    /// hang, until no process of the group is left running.
    func waitUntilGone(_ group: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(15)
        var status: Int32 = 0
        while Date() < deadline {
            _ = waitpid(group, &status, WNOHANG)
            if StepProcess.liveMembers(ofGroup: group).isEmpty { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func resumingEndsTheProcessGroupADeadSitrepLeftRunning() throws {
        // Given a step recorded as running whose process group still runs
        let group = try startGroup()
        let process = try #require(StepProcess.current(leader: group))
        let begun = try runLeftRunning(group: group, startTime: process.startTime)
        #expect(try fixture.store.stepRuns(runId: begun.runbookRunId).first?.process == process)

        // When the run is resumed
        let resumed = try #require(try runner.resume(runbook: runbook, incidentKey: key, by: fixture.alice))

        // Then the whole group is gone and the record says so
        #expect(waitUntilGone(group), "process group \(group) is gone")
        let record = try #require(resumed.records.first)
        #expect(record.outcome == .interrupted)
        #expect(record.note?.contains("its leftover processes were ended") == true)
        let timeline = try fixture.store.timeline(key: key, fromSequence: 1, limit: 100)
        #expect(
            timeline.contains {
                $0.text.contains("interrupted (sitrep stopped while it ran; its leftover processes were ended")
            })
    }

    @Test func aGroupWhoseLeaderStartedAtAnotherTimeIsLeftAlone() throws {
        // Given a running step whose recorded start time is not that of the process now at its pid
        let group = try startGroup()
        defer {
            kill(-group, SIGKILL)
            _ = waitUntilGone(group)
        }
        let process = try #require(StepProcess.current(leader: group))
        _ = try runLeftRunning(group: group, startTime: process.startTime - 1)

        // When the run is resumed
        let resumed = try #require(try runner.resume(runbook: runbook, incidentKey: key, by: fixture.alice))

        // Then the group is untouched and the record does not claim anything was ended
        #expect(StepProcess.liveMembers(ofGroup: group).count == 3)
        var status: Int32 = 0
        #expect(waitpid(group, &status, WNOHANG) == 0)
        let record = try #require(resumed.records.first)
        #expect(record.outcome == .interrupted)
        #expect(record.note == "sitrep stopped while the step ran; its result is unknown")
    }

    @Test func aStepRecordsItsProcessGroupWhileItRuns() async throws {
        let session = try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        let text = "# Runbook: Pid\n\n## Steps\n\n### Pid\n```sh {name=pid}\necho $$\n```\n"
        let step = RunbookParser.parse(text, path: fixture.folder + "/pid.md").steps[0]
        let record = try await runner.execute(step, in: session, confirmedBy: fixture.alice)
        let printed = pid_t(record.outputText.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(record.processGroup.map { pid_t($0) } == printed)
        #expect(record.processStartTime != nil)
    }

    @Test func statFieldsAreCountedFromTheLastParenthesis() throws {
        let fields = (4...52).map(String.init).joined(separator: " ")
        let stat = try #require(ProcessStat(statLine: "4242 (a) b (c) S \(fields)\n"))
        #expect(stat.state == "S")
        #expect(stat.processGroup == 5)
        #expect(stat.startTime == 22)
    }
}
