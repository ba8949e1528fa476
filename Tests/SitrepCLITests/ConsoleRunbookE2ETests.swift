import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The runbook pane of the real console in tmux: attach, confirm, watch output, skip, cancel a
/// long step, and resume after the console is killed, each checked against the store.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
struct ConsoleRunbookE2ETests {
    static let runbook = """
        # Runbook: Console check

        ## Metadata
        - Category: test

        ## Diagnosis Steps

        ### Greet
        ```bash {name=greet risk=low}
        echo "hello $WHO"
        ```

        ### Wait a long time
        ```bash {name=long risk=low timeout=5m}
        echo $$ > long.pid; echo "started-$((40 + 2))"; sleep 120
        ```

        ### Last
        ```bash {name=last risk=low}
        echo last-step-done
        ```

        """

    /// A database with one incident and a runbook folder with the check runbook and a broken one.
    func setUp() throws -> (CLIRunner, String) {
        var cli = try CLIRunner()
        let folder = cli.folder + "/runbooks"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.runbook.write(toFile: folder + "/console-check.md", atomically: true, encoding: .utf8)
        try "# Runbook: Broken\n\n## Steps\n\n```bash {tmeout=5s}\necho no\n```\n".write(
            toFile: folder + "/broken.md", atomically: true, encoding: .utf8)
        cli.environment["SITREP_RUNBOOKS"] = folder
        let key = try cli.ok(["declare", "Checkout API returning 500s", "--severity", "P1"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (cli, key)
    }

    /// `:runbook console-check` typed with Tab completion, then the variable answered.
    func attach(_ session: TmuxSession) throws {
        try session.waitFor(text: "Incidents · open")
        try session.keys(":")
        try session.type("runbook console-c")
        try session.keys("Tab")
        try session.waitFor(text: ":runbook console-check")
        try session.keys("Enter")
        try session.waitFor(text: "WHO (passed as an environment variable):")
        try session.type("console")
        try session.keys("Enter")
        try session.waitFor("first step shown") {
            $0.contains("Step 1/3 · Diagnosis Steps › Greet") && $0.contains("y run")
        }
    }

    /// SIGKILL: no chance to clean up or record anything.
    func killConsole(_ session: TmuxSession) throws {
        let pid = pid_t(try session.display("#{pane_pid}"))!
        kill(pid, SIGKILL)
        try session.waitFor("console killed") { _ in (try? session.display("#{pane_dead}")) == "1" }
    }

    /// The process group a step wrote to its pid file (`$$` of a step is its group's leader).
    func readGroup(_ path: String) throws -> pid_t {
        pid_t(try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    func waitUntilGone(_ group: pid_t) throws {
        #expect(ProcessGroupWait.untilGone(group), "the step's process group \(group) is gone")
    }

    @Test func confirmSkipAndCancelStepsFromThePane() throws {
        let (cli, key) = try setUp()
        let session = try TmuxSession(cli: cli)
        try attach(session)

        try session.keys("y")
        try session.waitFor(text: "hello console")
        try session.waitFor(text: "Step 2/3")
        try session.keys("y")
        // The output line, not the command text on the card, which reads started-$((40 + 2)).
        try session.waitFor(text: "started-42")
        let pidFile = cli.folder + "/runbooks/long.pid"
        let group = try readGroup(pidFile)
        #expect(!ProcessGroupWait.isGone(group))
        try session.keys("x")
        try session.waitFor(text: "r retry · c continue past it")
        try waitUntilGone(group)

        // Retried, then cancelled with Ctrl-C, which cancels the step rather than the console.
        try session.keys("r")
        try session.waitFor("step 2 shown again") { $0.contains("Step 2/3") && $0.contains("y run") }
        try session.keys("y")
        // The pane still shows the first attempt's output, so wait for the new step's pid.
        let deadline = Date().addingTimeInterval(15)
        var retried = group
        while retried == group, Date() < deadline {
            retried = (try? readGroup(pidFile)) ?? group
            usleep(50_000)
        }
        #expect(retried != group)
        try session.waitFor("retried step running") { $0.contains("running 2/3") && $0.contains("started-42") }
        try session.keys("C-c")
        try session.waitFor(text: "r retry · c continue past it")
        try waitUntilGone(retried)

        try session.keys("c")
        try session.waitFor(text: "Step 3/3")
        try session.keys("s")
        try session.waitFor(text: "Runbook completed (recorded)")

        let shown = try cli.ok(["show", key])
        #expect(shown.contains("Step 1/3 Greet: ran (exit 0"))
        #expect(shown.contains("hello console"))
        #expect(shown.contains("Step 2/3 Wait a long time: cancelled"))
        #expect(shown.contains("Continuing past step 2"))
        #expect(shown.contains("Step 3/3 Last: skipped"))
        let outcomes = try cli.sqlite("SELECT stepId || ':' || outcome || ':' || confirmedBy FROM stepRun ORDER BY id")
        #expect(
            outcomes.split(separator: "\n") == [
                "greet:ran:alice", "long:cancelled:alice", "long:cancelled:alice", "last:skipped:alice",
            ])
        #expect(try cli.sqlite("SELECT exitStatus FROM stepRun WHERE stepId = 'greet'") == "0")
        #expect(try cli.sqlite("SELECT state FROM runbookRun") == "completed")

        try session.keys("q", "q")
        try session.waitFor("console closed") { _ in (try? session.display("#{pane_dead}")) == "1" }
    }

    @Test func aRunbookWithProblemsIsShownNotRun() throws {
        let (cli, _) = try setUp()
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "Incidents · open")
        try session.keys(":")
        try session.type("runbook broken")
        try session.keys("Enter")
        try session.waitFor(text: "Runbook · cannot run · Broken")
        try session.waitFor(text: "broken.md:5: unknown")
        try session.keys("y")
        #expect(try cli.sqlite("SELECT count(*) FROM runbookRun") == "0")
    }

    @Test func aKilledConsoleResumesTheRunAtTheNextStep() throws {
        let (cli, key) = try setUp()
        let first = try TmuxSession(cli: cli)
        try attach(first)
        try first.keys("y")
        try first.waitFor(text: "Step 2/3")

        // Killed without a chance to clean up, while step 2 waits for its confirmation.
        try killConsole(first)

        let second = try TmuxSession(cli: cli)
        try second.waitFor(text: "Unfinished: R continues it")
        try second.keys("R")
        let resumed = try second.waitFor("resumed at step 2") { $0.contains("Step 2/3") && $0.contains("y run") }
        #expect(resumed.contains("Greet"))
        #expect(!resumed.contains("WHO (passed"), "the run's variables are not asked again")
        try second.keys("s")
        try second.waitFor(text: "Step 3/3")
        try second.keys("y")
        try second.waitFor(text: "Runbook completed (recorded)")
        try second.waitFor(text: "last-step-done")

        let outcomes = try cli.sqlite("SELECT stepId || ':' || outcome FROM stepRun ORDER BY id")
        #expect(outcomes.split(separator: "\n") == ["greet:ran", "long:skipped", "last:ran"])
        #expect(try cli.sqlite("SELECT count(*) FROM runbookRun") == "1")
        #expect(try cli.ok(["show", key]).contains("hello console"))
    }

    @Test func aConsoleKilledWhileAStepRunsShowsItInterruptedAndGoesOn() throws {
        let (cli, key) = try setUp()
        let first = try TmuxSession(cli: cli)
        try attach(first)
        try first.keys("y")
        try first.waitFor(text: "Step 2/3")
        try first.keys("y")
        try first.waitFor(text: "started-42")
        try killConsole(first)
        // The step outlives a console killed with SIGKILL (it has its own session)
        let group = try readGroup(cli.folder + "/runbooks/long.pid")
        defer { if !ProcessGroupWait.isGone(group) { kill(-group, SIGKILL) } }
        #expect(!ProcessGroupWait.isGone(group), "the step still runs after the console died")

        let second = try TmuxSession(cli: cli)
        try second.waitFor(text: "Unfinished: R continues it")
        try second.keys("R")
        try second.waitFor(text: "r retry · c continue past it")
        #expect(try second.screen().contains("interrupted"))
        // Resuming ended the dead console's step, children included
        try waitUntilGone(group)
        #expect(
            try cli.sqlite("SELECT note FROM stepRun WHERE stepId = 'long'")
                == "sitrep stopped while the step ran; its leftover processes were ended; its result is unknown")
        try second.keys("c")
        try second.waitFor(text: "Step 3/3")
        try second.keys("y")
        try second.waitFor(text: "Runbook completed (recorded)")
        let outcomes = try cli.sqlite("SELECT stepId || ':' || outcome FROM stepRun ORDER BY id")
        #expect(outcomes.split(separator: "\n") == ["greet:ran", "long:interrupted", "last:ran"])
        #expect(try cli.ok(["show", key]).contains("Continuing past step 2"))
    }

    @Test func aFloodOfOutputKeepsTheConsoleResponsiveAndSmall() throws {
        let (cli, key) = try setUp()
        let flood = """
            # Runbook: Flood

            ## Steps

            ### Write a lot
            ```bash {name=flood risk=low}
            head -c 200000000 /dev/zero | tr '\\0' 'x' | fold -w 80; echo; echo "flood-$((1 + 1))-done"
            ```

            """
        try flood.write(toFile: cli.folder + "/runbooks/flood.md", atomically: true, encoding: .utf8)
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "Incidents · open")
        try session.keys(":")
        try session.type("runbook flood")
        try session.keys("Enter")
        try session.waitFor("step shown") { $0.contains("Step 1/1") && $0.contains("y run") }
        try session.keys("y")
        try session.waitFor(text: String(repeating: "x", count: 40))
        // While it floods, other panes still answer keys.
        try session.keys("h", "n")
        try session.waitFor(text: "Note:")
        try session.keys("Escape", "Tab")
        try session.waitFor(text: "flood-2-done", limit: 180)
        try session.waitFor(text: "Runbook completed (recorded)")
        let pid = try session.display("#{pane_pid}")
        let peak = ProcessStatus.kilobytes("VmHWM", of: pid)
        #expect(peak > 0 && peak < 200_000, "peak RSS \(peak) kB stays far below the 200 MB the step wrote")
        #expect(Int(try cli.sqlite("SELECT outputBytes FROM stepRun")) ?? 0 > 200_000_000)
        #expect(try cli.ok(["show", key]).contains("flood-2-done"))
    }
}
