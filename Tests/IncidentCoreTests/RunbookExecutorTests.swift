import Foundation
import Synchronization
import Testing

@testable import IncidentCore

#if canImport(Glibc)
    import Glibc
#endif

/// Real processes, real signals. Nothing sleeps to wait: each test reacts to output or to the
/// kernel reporting a process's end.
@Suite struct RunbookExecutorTests {
    let folder: String
    let executor = StepExecutor(grace: .milliseconds(100))

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-exec-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Orphaned grandchildren are re-parented to this process, so the tests can reap them
        // and learn exactly how they ended.
        Self.becomeSubreaper()
    }

    /// `prctl(PR_SET_CHILD_SUBREAPER, 1)`; Glibc's Swift module does not import <sys/prctl.h>.
    static func becomeSubreaper() {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return }
        _ = unsafeBitCast(symbol, to: Prctl.self)(36, 1, 0, 0, 0)
    }

    func invocation(
        _ command: String, timeout: Double = 30, expect: String? = nil, variables: [String: String] = [:]
    ) -> StepInvocation {
        let step = RunbookStep(
            id: "step", number: 1, kind: .command, section: "", title: "t", command: command, timeout: timeout,
            expect: expect, line: 1)
        return StepInvocation(step: step, runbookPath: folder + "/runbook.md", variables: variables)
    }

    func text(_ result: StepExecutionResult) -> String { result.output.text }

    /// Blocks until the orphaned process `pid` has ended (it is our child as subreaper) and
    /// returns the signal that ended it, or nil when it exited by itself.
    func reapSignal(_ pid: pid_t) -> Int32? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED) == 0 else { return nil }
        return info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED ? info._sifields._sigchld.si_status : nil
    }

    /// Polls until no member of `group` runs (zombies aside); the limit only bounds a hang.
    func groupEnds(_ group: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while !StepProcess.liveMembers(ofGroup: group).isEmpty, Date() < deadline { usleep(20_000) }
        return StepProcess.liveMembers(ofGroup: group).isEmpty
    }

    func pid(in file: String) throws -> pid_t {
        let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    @Test func exitStatusDecidesTheOutcome() async {
        let ok = await executor.run(invocation("echo hello"))
        #expect(ok.outcome == .ran)
        #expect(ok.termination == .exited(0))
        #expect(text(ok) == "hello\n")
        let bad = await executor.run(invocation("echo before; exit 3"))
        #expect(bad.outcome == .failed)
        #expect(bad.termination == .exited(3))
        let pipeline = await executor.run(invocation("false | cat; echo not reached"))
        #expect(pipeline.outcome == .failed, "pipefail and errexit stop at the failing stage")
        #expect(text(pipeline) == "")
    }

    @Test func signalsAreReported() async {
        let result = await executor.run(invocation("kill -TERM $$"))
        #expect(result.outcome == .failed)
        #expect(result.termination == .signaled(SIGTERM))
        #expect(result.termination.summary == "signal 15 (SIGTERM)")
    }

    @Test func stdoutAndStderrInterleaveInOrder() async {
        let result = await executor.run(invocation("echo one; echo two >&2; echo three; echo four >&2"))
        #expect(text(result) == "one\ntwo\nthree\nfour\n")
    }

    @Test func outputStreamsChunkByChunkInOrder() async {
        let seen = Mutex<[UInt8]>([])
        let result = await executor.run(invocation("for i in 1 2 3; do echo line $i; done")) { chunk in
            seen.withLock { $0 += chunk }
        }
        #expect(seen.withLock { $0 } == Array("line 1\nline 2\nline 3\n".utf8))
        #expect(result.output.totalBytes == 21)
    }

    @Test func timeoutEndsTheWholeGroupIncludingGrandchildren() async throws {
        let command = """
            (trap '' TERM; exec sleep 30) &
            echo $! > grandchild.pid
            sleep 30
            """
        let result = await executor.run(invocation(command, timeout: 0.3))
        #expect(result.outcome == .timedOut)
        #expect(result.termination == .signaled(SIGTERM))
        let grandchild = try pid(in: "grandchild.pid")
        #expect(reapSignal(grandchild) == SIGKILL, "the TERM-immune grandchild was killed, not left running")
        #expect(kill(grandchild, 0) == -1 && errno == ESRCH)
    }

    @Test func cancelEscalatesToKillWhenTermIsIgnored() async {
        let control = StepControl()
        let result = await executor.run(invocation("trap '' TERM; echo ready; sleep 30", timeout: 60), control: control)
        {
            chunk in
            if String(decoding: chunk, as: UTF8.self).contains("ready") { control.cancel() }
        }
        #expect(result.outcome == .cancelled)
        #expect(result.termination == .signaled(SIGKILL))
        #expect(text(result) == "ready\n")
    }

    @Test func cancellingTheTaskCancelsTheStep() async {
        let started = AsyncStream<Void>.makeStream()
        let task = Task {
            await executor.run(invocation("echo go; sleep 30")) { _ in started.continuation.yield() }
        }
        for await _ in started.stream { break }
        task.cancel()
        let result = await task.value
        #expect(result.outcome == .cancelled)
    }

    @Test func aForkOfAThousandChildrenIsEndedWholeByTheTimeout() async throws {
        let command = """
            echo $$ > leader.pid
            for i in $(seq 1000); do sleep 60 & done
            echo forked
            wait
            """
        let result = await executor.run(invocation(command, timeout: 3))
        #expect(result.outcome == .timedOut)
        #expect(text(result).contains("forked"), "all 1,000 children were started before the timeout")
        #expect(groupEnds(try pid(in: "leader.pid")), "no child of the step survived")
    }

    @Test func aStepThatClosesItsOutputAndKeepsRunningIsEndedByTheTimeout() async throws {
        let result = await executor.run(
            invocation("echo $$ > leader.pid; echo closing; exec >&- 2>&-; sleep 60", timeout: 0.5))
        #expect(result.outcome == .timedOut)
        #expect(text(result) == "closing\n")
        #expect(groupEnds(try pid(in: "leader.pid")), "the step's sleep did not outlive it")
    }

    @Test func cancelEndsAStepThatClosedItsOutputAndIgnoresTerm() async {
        let control = StepControl()
        let result = await executor.run(
            invocation("trap '' TERM; echo ready; exec >&- 2>&-; sleep 60", timeout: 60), control: control
        ) { chunk in
            if String(decoding: chunk, as: UTF8.self).contains("ready") { control.cancel() }
        }
        #expect(result.outcome == .cancelled)
        #expect(result.termination == .signaled(SIGKILL))
    }

    @Test func backgroundChildrenDoNotOutliveASuccessfulStep() async throws {
        let result = await executor.run(
            invocation("(trap '' TERM; exec sleep 30) >/dev/null 2>&1 &\necho $! > bg.pid\necho done"))
        #expect(result.outcome == .ran)
        #expect(reapSignal(try pid(in: "bg.pid")) == SIGKILL)
    }

    @Test func eventsStreamEndsWithTheResult() async {
        var chunks: [UInt8] = []
        var finished: StepExecutionResult?
        for await event in executor.events(invocation("printf abc; printf def >&2"), control: StepControl()) {
            switch event {
            case .output(let bytes): chunks += bytes
            case .finished(let result): finished = result
            }
        }
        #expect(String(decoding: chunks, as: UTF8.self) == "abcdef")
        #expect(finished?.outcome == .ran)
    }

    @Test func bigOutputKeepsHeadAndTailWithSizeAndHash() async throws {
        let generate = "printf START; head -c 300000 /dev/zero | tr '\\0' 'x'; printf END"
        let result = await executor.run(invocation(generate))
        #expect(result.outcome == .ran)
        #expect(result.output.totalBytes == 300_008)
        #expect(result.output.head.count == 64 * 1024)
        #expect(result.output.tail.count == 64 * 1024)
        #expect(result.output.omittedBytes == 300_008 - 128 * 1024)
        #expect(result.output.head.starts(with: Array("STARTxxx".utf8)))
        #expect(result.output.tail.suffix(6) == Array("xxxEND".utf8)[...])
        #expect(result.output.sha256 == (try Self.sha256(ofOutputOf: generate)))
        #expect(text(result).contains("bytes not kept"))
    }

    static func sha256(ofOutputOf command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "(\(command)) | sha256sum"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test func shortOutputIsKeptWhole() {
        var capture = OutputCapture(expect: nil)
        let bytes = [UInt8](repeating: 7, count: 100_000)
        bytes.withUnsafeBytes { capture.append($0) }
        let output = capture.finish()
        #expect(output.head + output.tail == bytes)
        #expect(output.omittedBytes == 0)
    }

    @Test func expectIsFoundAcrossChunkBoundaries() {
        var capture = OutputCapture(expect: "pool ok")
        for piece in ["xx po", "ol", " o", "k yy"] {
            Array(piece.utf8).withUnsafeBytes { capture.append($0) }
        }
        #expect(capture.found)
        var missing = OutputCapture(expect: "pool ok")
        Array("pool not ok".utf8).withUnsafeBytes { missing.append($0) }
        #expect(!missing.found)
    }

    @Test func binaryAndInvalidUTF8AreKeptByteForByte() async {
        let result = await executor.run(invocation("printf '\\377\\376\\000abc\\n'"))
        #expect(result.output.head == [0xFF, 0xFE, 0x00, 0x61, 0x62, 0x63, 0x0A])
        #expect(text(result).hasSuffix("abc\n"))
    }

    @Test func expectMarksAStepFailedWhenTheTextIsMissing() async {
        let found = await executor.run(invocation("echo pool is healthy", expect: "healthy"))
        #expect(found.outcome == .ran)
        #expect(found.expectFound == true)
        let missing = await executor.run(invocation("echo pool is sick", expect: "healthy"))
        #expect(missing.outcome == .failed)
        #expect(missing.termination == .exited(0))
        #expect(missing.expectFound == false)
    }

    @Test func variableValuesAreInertData() async {
        let values = [
            "TARGET": "$(touch pwned-substitution)", "OTHER": "; touch pwned-semicolon", "TICKS": "`touch pwned-ticks`",
            "HOME_WIPE": "; rm -rf ~",
        ]
        let result = await executor.run(
            invocation("echo \"$TARGET\"; echo $OTHER; echo $TICKS; echo $HOME_WIPE", variables: values))
        #expect(result.outcome == .ran)
        #expect(
            text(result) == "$(touch pwned-substitution)\n; touch pwned-semicolon\n`touch pwned-ticks`\n; rm -rf ~\n")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(!leftovers.contains { $0.hasPrefix("pwned") })
    }

    @Test func stepsRunInTheRunbookFolderWithSitrepFacts() async {
        let result = await executor.run(invocation("pwd; echo $SITREP_STEP"))
        #expect(text(result) == "\(folder)\nstep\n")
    }

    @Test func interpreterRunsTheBlockAsAScriptFile() async {
        let step = RunbookStep(
            id: "py", number: 1, kind: .command, section: "", title: "", command: "echo from sh \"$0\" | cut -c1-7\n",
            interpreter: ["sh"], line: 1)
        let result = await executor.run(StepInvocation(step: step, runbookPath: folder + "/r.md", variables: [:]))
        #expect(result.outcome == .ran)
        #expect(text(result) == "from sh\n")
    }

    @Test func stepsThatCannotStartFailWithAReason() async {
        let missingDirectory = RunbookStep(
            id: "x", number: 1, kind: .command, section: "", title: "", command: "true", workingDirectory: "nope",
            line: 1)
        let result = await executor.run(
            StepInvocation(step: missingDirectory, runbookPath: folder + "/r.md", variables: [:]))
        #expect(result.outcome == .failed)
        #expect(result.termination == .notStarted("working directory \(folder)/nope does not exist"))
        let noInterpreter = RunbookStep(
            id: "x", number: 1, kind: .command, section: "", title: "", command: "1",
            interpreter: ["no-such-program-xyz"],
            line: 1)
        let missing = await executor.run(
            StepInvocation(step: noInterpreter, runbookPath: folder + "/r.md", variables: [:]))
        #expect(missing.outcome == .failed)
        #expect(missing.termination.summary.hasPrefix("not started: no-such-program-xyz"))
        let control = StepControl()
        control.cancel()
        let early = await executor.run(invocation("touch ran"), control: control)
        #expect(early.outcome == .cancelled)
        #expect(!FileManager.default.fileExists(atPath: folder + "/ran"))
    }
}
