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

    static let group = "sleep 600 & sleep 600"

    /// `bash -c SCRIPT ARGUMENT` with standard descriptors on /dev/null (so nothing holds this
    /// test's output open), default signal handling and an empty signal mask (the test's
    /// threads block most signals, and a child would inherit that), in a new session if asked.
    func spawn(_ script: String, argument: String = "", newSession: Bool) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // 0x80 is POSIX_SPAWN_SETSID, which Glibc's Swift module leaves out.
        let flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF) | (newSession ? 0x80 : 0)
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let arguments = ["/bin/bash", "-c", script, argument]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, "/bin/bash", &actions, &attributes, &argv, environ) == 0)
        return pid
    }

    /// The group leading a new session whose parent has exited, as a step's group is once
    /// its sitrep is killed: the leader now belongs to pid 1.
    func startOrphanedGroup() throws -> pid_t {
        let pidFile = fixture.folder + "/group-\(UUID().uuidString).pid"
        // A background job of a non-interactive shell is no group leader, so setsid does not fork.
        let launcher = try spawn(
            "setsid /bin/bash -c '\(Self.group)' & echo $! > \"$0\"", argument: pidFile, newSession: false)
        var status: Int32 = 0
        try #require(waitpid(launcher, &status, 0) == launcher)
        let printed = try String(contentsOfFile: pidFile, encoding: .utf8)
        let group = try #require(pid_t(printed.trimmingCharacters(in: .whitespacesAndNewlines)))
        try waitForMembers(of: group)
        return group
    }

    /// The same group as a child of this test, whose parent is therefore alive.
    func startChildGroup() throws -> pid_t {
        let group = try spawn(Self.group, newSession: true)
        try waitForMembers(of: group)
        return group
    }

    /// Polls (bounded) until bash has started both sleeps, so the group is complete.
    func waitForMembers(of group: pid_t) throws {
        let deadline = Date().addingTimeInterval(10)
        while StepProcess.liveMembers(ofGroup: group).count < 3, Date() < deadline { usleep(10_000) }
        try #require(StepProcess.liveMembers(ofGroup: group).count == 3)
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

    /// Reaps the leader if it is the test's own child and polls, with a deadline that only
    /// bounds a hang, until no process of the group is left running.
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
        // Given a step recorded as running whose process group outlived its sitrep
        let group = try startOrphanedGroup()
        defer { if !StepProcess.liveMembers(ofGroup: group).isEmpty { kill(-group, SIGKILL) } }
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

    /// A group in a new session whose leader exits after a second, leaving two sleeps, started
    /// with `marker` in its environment; returns the group and the leader's start time, read
    /// while it still ran.
    func startGroupWhoseLeaderExits(marker: String) throws -> (group: pid_t, startTime: Int64) {
        let pidFile = fixture.folder + "/group-\(UUID().uuidString).pid"
        let launcher = try spawn(
            "\(marker) setsid /bin/bash -c 'sleep 600 & sleep 600 & sleep 1' & echo $! > \"$0\"", argument: pidFile,
            newSession: false)
        var status: Int32 = 0
        try #require(waitpid(launcher, &status, 0) == launcher)
        let group = try #require(
            pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        let process = try #require(StepProcess.current(leader: group))
        // When another test has made this process a subreaper, the orphaned leader is its child
        // and stays a zombie until reaped here.
        let deadline = Date().addingTimeInterval(10)
        while ProcessStat(pid: group) != nil, Date() < deadline {
            _ = waitpid(group, &status, WNOHANG)
            usleep(20_000)
        }
        try #require(ProcessStat(pid: group) == nil, "the leader exited and was reaped")
        try #require(StepProcess.liveMembers(ofGroup: group).count == 2)
        return (group, process.startTime)
    }

    @Test func whatAStepLeftAfterItsLeaderExitedIsEndedThroughItsMarker() throws {
        // Given a running step whose leader has exited, leaving its children in the group
        let session = try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        let step = runbook.steps[0]
        let begun = try fixture.store.beginStep(
            runId: session.run.id!, step: step, invocation: session.invocation(for: step), by: fixture.alice)
        let (group, startTime) = try startGroupWhoseLeaderExits(marker: "\(StepProcess.marker)=\(begun.id!)")
        defer { if !StepProcess.liveMembers(ofGroup: group).isEmpty { kill(-group, SIGKILL) } }
        try fixture.store.recordStepProcess(
            stepRunId: begun.id!, process: StepProcess(processGroup: group, startTime: startTime))

        // When the run is resumed
        let resumed = try #require(try runner.resume(runbook: runbook, incidentKey: key, by: fixture.alice))

        // Then the children are gone and the record says they were ended
        #expect(waitUntilGone(group), "process group \(group) is gone")
        #expect(resumed.records.first?.note?.contains("its leftover processes were ended") == true)
    }

    @Test func orphansWithoutTheStepsMarkerAreLeftAlone() throws {
        // Given a recorded group whose leader exited and whose processes carry another step's marker
        let (group, startTime) = try startGroupWhoseLeaderExits(marker: "\(StepProcess.marker)=999999")
        defer {
            kill(-group, SIGKILL)
            _ = waitUntilGone(group)
        }
        _ = try runLeftRunning(group: group, startTime: startTime)

        // When the run is resumed, then nothing is ended
        let resumed = try #require(try runner.resume(runbook: runbook, incidentKey: key, by: fixture.alice))
        #expect(StepProcess.liveMembers(ofGroup: group).count == 2)
        #expect(resumed.records.first?.note == "sitrep stopped while the step ran; its result is unknown")
    }

    @Test func aStepsProcessesCarryItsMarker() async throws {
        let session = try runner.start(runbook: runbook, incidentKey: key, variables: [:], by: fixture.alice)
        let text = "# Runbook: Marker\n\n## Steps\n\n### Marker\n```sh {name=marker}\necho \"$SITREP_STEP_RUN\"\n```\n"
        let step = RunbookParser.parse(text, path: fixture.folder + "/marker.md").steps[0]
        let record = try await runner.execute(step, in: session, confirmedBy: fixture.alice)
        #expect(record.outputText.trimmingCharacters(in: .whitespacesAndNewlines) == record.id.map(String.init))
    }

    @Test func aGroupWhoseLeaderStartedAtAnotherTimeIsLeftAlone() throws {
        // Given a running step whose recorded start time is not that of the process now at its pid
        let group = try startOrphanedGroup()
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
        let record = try #require(resumed.records.first)
        #expect(record.outcome == .interrupted)
        #expect(record.note == "sitrep stopped while the step ran; its result is unknown")
    }

    @Test func aGroupWhoseSitrepIsStillAliveIsLeftAlone() throws {
        // Given a running group whose leader's parent is this test
        let group = try startChildGroup()
        defer {
            kill(-group, SIGKILL)
            _ = waitUntilGone(group)
        }
        let process = try #require(StepProcess.current(leader: group))
        // When a sitrep that takes this test for another live sitrep asks to end it, then it is left running
        #expect(!process.endIfStillOurs(grace: .milliseconds(200), isLiveSitrep: { $0 == getpid() }))
        #expect(StepProcess.liveMembers(ofGroup: group).count == 3)
    }

    @Test func resumingARunThatAnotherSitrepIsRunningIsRefused() throws {
        // Given a step recorded as running whose leader's parent is a live sitrep (this test, here)
        let group = try startChildGroup()
        defer {
            kill(-group, SIGKILL)
            _ = waitUntilGone(group)
        }
        let process = try #require(StepProcess.current(leader: group))
        let begun = try runLeftRunning(group: group, startTime: process.startTime)
        let elsewhere = RunbookRunner(
            store: fixture.store, executor: StepExecutor(grace: .milliseconds(200)), isLiveSitrep: { $0 == getpid() })

        // When a second console tries to resume or restart the run, then it is refused and nothing changes
        #expect {
            try elsewhere.resume(runbook: runbook, incidentKey: key, by: fixture.alice)
        } throws: { "\($0)".contains("is running in another sitrep") }
        #expect(throws: StoreError.self) {
            try elsewhere.stopOpenRun(runbookPath: runbook.path, incidentKey: key, by: fixture.alice)
        }
        #expect(try fixture.store.stepRuns(runId: begun.runbookRunId).map(\.outcome) == [.running])
        #expect(StepProcess.liveMembers(ofGroup: group).count == 3)
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
        #expect(stat.parent == 4)
        #expect(stat.processGroup == 5)
        #expect(stat.startTime == 22)
    }
}
