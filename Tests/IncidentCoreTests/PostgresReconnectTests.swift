import Foundation
import Testing

@testable import IncidentCore

/// A server of the test's own that goes away and comes back: writes meanwhile are refused with
/// a message and leave nothing half-written, and the same store carries on once it is back.
@Suite(.enabled(if: !TestBackend.isSQLite, "starts its own server (the PostgreSQL pass of make test)"))
struct PostgresReconnectTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/postgres-cluster.sh").path

    /// Runs the cluster script and waits with `waitpid`: Foundation's `Process` was seen to miss
    /// the exit of a script whose grandchild (the server) lives on.
    @discardableResult
    static func cluster(_ command: String, _ folder: String) throws -> String {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let arguments = ["/bin/bash", script, command, folder]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        guard posix_spawn(&pid, "/bin/bash", &actions, nil, &argv, environ) == 0 else {
            throw StoreError.unavailable("cannot run \(script)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        guard status == 0 else { throw StoreError.unavailable("postgres-cluster.sh \(command) failed (\(status))") }
        return (try? String(contentsOfFile: folder + "/url", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    @Test func aServerRestartRefusesWritesThenReconnects() throws {
        let folder = "/tmp/sitrep-pg-restart-\(UUID().uuidString.prefix(8))"
        let url = try Self.cluster("start", folder)
        defer { _ = try? Self.cluster("stop", folder) }
        let store = try PostgresIncidentStore(settings: try PostgresSettings(url: URL(string: url)!))
        let alice = Attribution(author: "alice")
        let key = try store.declareIncident(IncidentDeclaration(title: "Queue stuck", severity: .p2), by: alice).key
        let before = try store.changeToken()

        try Self.cluster("halt", folder)
        let refused = #expect(throws: StoreError.self) {
            try store.appendNote(key: key, text: "while the server is away", kind: .note, by: alice)
        }
        #expect(refused?.exitCode == 69, "\(String(describing: refused))")
        #expect(throws: StoreError.self) { try store.changeToken() }

        try Self.cluster("resume", folder)
        _ = try store.appendNote(key: key, text: "after the restart", kind: .note, by: alice)
        let texts = try store.detail(key: key).timeline.map(\.text)
        #expect(texts.last == "after the restart")
        #expect(!texts.contains("while the server is away"))
        #expect(try store.verifyChains(key: nil).firstBreak == nil)
        // The listener comes back by itself (after its retry pause) and counts the gap as a change.
        var token: Int64?
        for _ in 0..<500 where token == nil {
            token = try? store.changeToken()
            if token == nil { usleep(10_000) }
        }
        #expect(token != nil && token != before)
    }

    /// A step whose finish cannot be recorded because the server is down is never lost: its record
    /// stays `running`, and resuming once the server is back marks it interrupted, with an entry.
    @Test func aStepFinishingWhileTheServerIsAwayIsShownInterruptedOnResume() throws {
        let folder = "/tmp/sitrep-pg-step-\(UUID().uuidString.prefix(8))"
        let url = try Self.cluster("start", folder)
        defer { _ = try? Self.cluster("stop", folder) }
        let store = try PostgresIncidentStore(settings: try PostgresSettings(url: URL(string: url)!))
        let alice = Attribution(author: "alice")
        let key = try store.declareIncident(IncidentDeclaration(title: "Cache cold", severity: .p2), by: alice).key
        let runbook = RunbookParser.parse("# Runbook: Warm\n\n```sh {name=warm}\necho warm\n```\n", path: "warm.md")
        let run = try store.startRunbookRun(key: key, runbook: runbook, variables: [:], by: alice)
        let step = runbook.steps[0]
        let begun = try store.beginStep(
            runId: run.id!, step: step, invocation: StepInvocation(step: step, runbookPath: "warm.md", variables: [:]),
            by: alice)

        try Self.cluster("halt", folder)
        let result = StepExecutionResult(
            outcome: .ran, termination: .exited(0),
            output: CapturedOutput(head: Array("warm\n".utf8), tail: [], totalBytes: 5, sha256: "x"),
            expectFound: nil, durationSeconds: 0.1)
        #expect(throws: StoreError.self) { try store.finishStep(stepRunId: begun.id!, result: result) }

        try Self.cluster("resume", folder)
        #expect(try store.stepRuns(runId: run.id!).map(\.outcome) == [.running])
        let interrupted = try store.markInterrupted(runId: run.id!, leftoversEnded: [], by: alice)
        #expect(interrupted.map(\.outcome) == [.interrupted])
        #expect(try store.detail(key: key).timeline.last?.text.contains("interrupted") == true)
        #expect(try store.verifyChains(key: key).firstBreak == nil)
    }
}
