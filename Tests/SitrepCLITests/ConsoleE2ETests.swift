import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real console binary in tmux: what a person at a terminal would see and do.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
struct ConsoleE2ETests {
    func seeded() throws -> (CLIRunner, String, String) {
        let cli = try CLIRunner()
        let first = try cli.ok([
            "declare", "Checkout API returning 500s", "--severity", "P1", "--service", "checkout", "--commander",
            "dana",
        ])
        let second = try cli.ok(["declare", "Search slow in eu-west", "--severity", "P3"])
        _ = try cli.ok(["note", first, "Error spike after deploy 4512"])
        return (cli, first, second)
    }

    @Test func opensNavigatesAndRecordsANote() throws {
        let (cli, first, second) = try seeded()
        let code = cli.folder + "/console.code"
        let session = try TmuxSession(
            cli: cli, shell: "\(TmuxSession.quote(CLIRunner.binary)); echo $? > \(TmuxSession.quote(code))")
        try session.waitFor(text: "Error spike after deploy 4512")
        #expect(try session.screen().contains("Incidents · open (2)"))
        try session.keys("j")
        try session.waitFor("second incident selected") { $0.contains("\(second) · ") }
        try session.keys("k", "n")
        try session.waitFor(text: "Note:")
        try session.type("Rolled back to 4511 障害")
        try session.keys("Enter")
        try session.waitFor(text: "Note added to \(first)")
        let shown = try cli.ok(["show", first])
        #expect(shown.contains("alice  [note] Rolled back to 4511 障害"))
        try session.keys("q")
        try session.waitFor("exit") { _ in FileManager.default.fileExists(atPath: code) }
        #expect(try String(contentsOfFile: code, encoding: .utf8) == "0\n")
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test func helpOverlayListsTheKeys() throws {
        let (cli, _, _) = try seeded()
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "Incidents · open")
        try session.keys("?")
        // The overlay may be captured half drawn; wait for the whole of it.
        let help = try session.waitFor("help") { $0.contains("sitrep keys") && $0.contains("Declare a new incident") }
        #expect(help.contains("Declare a new incident"))
        try session.keys("Escape")
        try session.waitFor("help closed") { !$0.contains("sitrep keys") }
    }

    @Test func commandLineChangesStatusAndRefusalsAreShown() throws {
        let (cli, first, _) = try seeded()
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "Incidents · open")
        try session.keys(":")
        try session.type("status closed")
        try session.keys("Enter")
        try session.waitFor(text: "never resolved")
        try session.keys(":")
        try session.type("status mitigated rollback done")
        try session.keys("Enter")
        try session.waitFor(text: "\(first) is mitigated")
        #expect(try cli.ok(["show", first, "--json"]).contains("\"status\" : \"mitigated\""))
    }

    @Test func writesFromAnotherProcessAppearWithoutAKeypress() throws {
        let (cli, first, _) = try seeded()
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "Error spike after deploy 4512")
        _ = try cli.ok(["note", first, "Written from another shell", "--user", "bob"])
        try session.waitFor(text: "Written from another shell", limit: 5)
        _ = try cli.ok(["declare", "Login failing", "--severity", "P0"])
        try session.waitFor(text: "Login failing", limit: 5)
    }

    @Test func resizingToTinyAndBackNeverCrashes() throws {
        let (cli, _, _) = try seeded()
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "Incidents · open")
        for (width, height) in [(30, 8), (1, 1), (80, 24), (10, 3), (120, 40)] {
            try session.tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
            if width >= 80 {
                try session.waitFor(text: "Incidents · open")
            } else if width >= 30 {
                try session.waitFor(text: "too small")
            }
            #expect(try session.display("#{pane_dead}") == "0")
        }
    }

    @Test func sigtermGivesTheTerminalBack() throws {
        let (cli, _, _) = try seeded()
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "Incidents · open")
        #expect(try session.display("#{alternate_on}") == "1")
        let pid = try #require(pid_t(try session.display("#{pane_pid}")))
        kill(pid, SIGTERM)
        try session.waitFor("exit") { _ in (try? session.display("#{pane_dead}")) == "1" }
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test func unknownTerminalFailsPolitely() throws {
        let (cli, _, _) = try seeded()
        let errors = cli.folder + "/console.err"
        let code = cli.folder + "/console.code"
        let script =
            "TERM=no-such-terminal-xyz \(TmuxSession.quote(CLIRunner.binary)) console 2>\(TmuxSession.quote(errors)); "
            + "echo $? > \(TmuxSession.quote(code))"
        let session = try TmuxSession(cli: cli, shell: script)
        try session.waitFor("exit code") { _ in FileManager.default.fileExists(atPath: code) }
        #expect(try String(contentsOfFile: code, encoding: .utf8) == "69\n")
        let message = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(message.hasPrefix("sitrep: unknown terminal type 'no-such-terminal-xyz'"))
        #expect(message.components(separatedBy: "\n").count == 2, "one line: \(message)")
    }

    @Test func handoffWaitsInTheStatusBarUntilAcknowledged() throws {
        let (cli, first, _) = try seeded()
        _ = try cli.ok(["handoff", "--to", "alice", "--user", "dana", "--note", "Watch checkout-db-2"])
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "handoff #1 dana → alice not acknowledged")
        try session.keys("K")
        try session.waitFor(text: "Handoff #1 from dana acknowledged")
        #expect(try cli.ok(["handoff", "list"]).contains("by alice"))
        #expect(try cli.ok(["show", first]).contains("alice acknowledged handoff #1 from dana"))
    }

    @Test func handoffScreenRecordsMultiLineNotesAndTheIncomingUserAcknowledges() throws {
        let (cli, first, _) = try seeded()
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "Incidents · open")
        try session.keys("H")
        try session.waitFor("handoff screen with the report") {
            $0.contains("Shift handoff") && $0.contains("Open incidents (2)") && $0.contains("Ctrl-D hand over")
        }
        try session.type("bob")
        try session.keys("Tab", "Tab")
        try session.type("Watch checkout-db-2 connections")
        try session.keys("Enter")
        try session.type("障害 on canary hosts is gone")
        try session.waitFor(text: "line 2/2")
        // The notes text starts at column 1, row 7; the second line is 28 columns wide, 障害 four of them.
        try session.waitFor("cursor after the wide characters") { _ in
            (try? session.display("#{cursor_x},#{cursor_y}")) == "29,8"
        }
        try session.keys("C-d")
        try session.waitFor(text: "Handoff #1 to bob recorded")
        let shown = try cli.ok(["handoff", "show", "1"])
        #expect(shown.contains("Watch checkout-db-2 connections"))
        #expect(shown.contains("障害 on canary hosts is gone"))
        #expect(shown.contains("**Not yet acknowledged.**"))

        let incoming = try TmuxSession(cli: cli, shell: "SITREP_USER=bob " + TmuxSession.quote(CLIRunner.binary))
        try incoming.waitFor(text: "handoff #1 alice → bob not acknowledged")
        try incoming.keys("K")
        try incoming.waitFor(text: "Handoff #1 from alice acknowledged")
        #expect(try cli.ok(["handoff", "show", "1"]).contains("Acknowledged by bob"))
        #expect(try cli.ok(["show", first]).contains("bob acknowledged handoff #1 from alice"))
    }

    @Test func healthCheckTurningRedShowsInThePaneAndTimeline() throws {
        let (cli, _, _) = try seeded()
        let payments = try cli.ok(["declare", "Payments errors", "--severity", "P1", "--service", "payments"])
        let serverOutput = cli.folder + "/server.out"
        _ = FileManager.default.createFile(atPath: serverOutput, contents: nil)
        let server = try cli.start(
            ["demo-server", "--port", "0", "--flap-period", "1s"],
            stdout: try FileHandle(forWritingTo: URL(fileURLWithPath: serverOutput)), binary: CLIRunner.benchBinary)
        defer {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        var port: String?
        let deadline = Date().addingTimeInterval(15)
        while port == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: serverOutput, encoding: .utf8)) ?? ""
            port = text.firstMatch(of: /127\.0\.0\.1:(\d+)/).map { String($0.1) }
            if port == nil { usleep(50_000) }
        }
        let listening = try #require(port, "demo server did not start")
        let checks = cli.folder + "/checks.yaml"
        try """
        endpoints:
          - name: payments-api
            url: http://127.0.0.1:\(listening)/payments/health
            interval: 200ms
            service: payments
            conditions:
              - "[STATUS] == 200"
            alerts:
              - failure-threshold: 2
                success-threshold: 1
        """.write(toFile: checks, atomically: true, encoding: .utf8)
        let session = try TmuxSession(cli: cli, arguments: ["console", "--checks", checks])
        try session.waitFor(text: "Health · 0 up · 1 down", limit: 20)
        #expect(try session.screen().contains("payments-api"))
        try session.waitFor("the transition in the timeline", limit: 20) { _ in
            (try? cli.ok(["show", payments]))?.contains("Health check payments-api is DOWN") == true
        }
    }
}
