import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// kill -9 at random moments across every kind of sitrep process, and a console battered with
/// signals while a step floods it. `SITREP_SOAK=1` (`make soak`) runs 1,000 kills and a 1 GiB flood.
@Suite(
    .serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")),
    .enabled(if: CLIRunner.onSQLite, "a killed writer can tear a file; a PostgreSQL server keeps its own crash safety"))
struct CrashSoakTests {
    static let kills = FaultInjectionTests.soak ? 1_000 : 12
    static let floodBytes = FaultInjectionTests.soak ? 1 << 30 : 48 << 20

    /// A runbook whose one step outlives the sitrep that runs it, with a marker to find it by.
    static func runbook(marker: String) -> String {
        """
        # Runbook: Soak

        ## Steps

        ### Hold
        ```bash {name=hold risk=low timeout=5m}
        echo holding; sleep 5; echo \(marker)
        ```

        """
    }

    /// The processes whose command line holds `marker`, zombies aside.
    static func living(_ marker: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), pid != getpid(),
                let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                String(decoding: command, as: UTF8.self).contains(marker),
                let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8),
                !status.contains("State:\tZ")
            else { return nil }
            return pid
        }
    }

    /// The numbers a writer printed before it was killed: each is durable once printed.
    static func lastReported(_ pipe: Pipe) -> Int {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        let complete = text.hasSuffix("\n") ? text : String(text[..<(text.lastIndex(of: "\n") ?? text.startIndex)])
        return complete.split(separator: "\n").compactMap { Int($0) }.last ?? 0
    }

    @Test func killNineAtRandomMomentsLosesNothingAndLeavesNoStepRunning() throws {
        var cli = try CLIRunner()
        let marker = "soak-marker-\(UUID().uuidString.prefix(8))"
        let folder = cli.folder + "/runbooks"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.runbook(marker: marker).write(toFile: folder + "/soak.md", atomically: true, encoding: .utf8)
        cli.environment["SITREP_RUNBOOKS"] = folder
        try "endpoints:\n  - name: gone\n    url: http://127.0.0.1:1/\n    interval: 1s\n".write(
            toFile: cli.folder + "/checks.yaml", atomically: true, encoding: .utf8)
        let key = try cli.ok(["declare", "Crash storm", "--severity", "P1"])
        var random = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        var kinds: [String: Int] = [:]
        for round in 0..<Self.kills {
            let delay = useconds_t.random(in: 0...250_000, using: &random)
            switch round % 5 {
            case 0:
                let pipe = Pipe()
                let writer = try cli.start(
                    ["append-notes", key, "--count", "100000", "--prefix", "w\(round)"],
                    stdout: pipe.fileHandleForWriting,
                    binary: CLIRunner.benchBinary)
                try pipe.fileHandleForWriting.close()
                usleep(delay)
                kill(writer.processIdentifier, SIGKILL)
                writer.waitUntilExit()
                let reported = Self.lastReported(pipe)
                if reported > 0 { acknowledged.append("w\(round) \(reported)") }
                kinds["note writer", default: 0] += 1
            case 1:
                let note = try cli.start(["note", key, "single \(round)"])
                usleep(delay / 4)
                kill(note.processIdentifier, SIGKILL)
                note.waitUntilExit()
                if note.terminationReason == .exit, note.terminationStatus == 0 {
                    acknowledged.append("single \(round)")
                }
                kinds["sitrep note", default: 0] += 1
            case 2:
                let session = try TmuxSession(cli: cli, arguments: ["console"])
                usleep(delay * 2)
                if let pid = pid_t(try session.display("#{pane_pid}")) { kill(pid, SIGKILL) }
                kinds["console", default: 0] += 1
            case 3:
                let run = try cli.start(["runbook", "run", "soak", "--incident", key, "--yes", "--restart"])
                usleep(delay * 2)
                kill(run.processIdentifier, SIGKILL)
                run.waitUntilExit()
                // Resuming ends whatever the killed run's step left running, well before the
                // step's own 5 s would have.
                let resumed = try cli.run(["runbook", "run", "soak", "--incident", key, "--yes"])
                #expect([0, 1].contains(resumed.status), "resume: \(resumed.status) \(resumed.stderr)")
                let deadline = Date().addingTimeInterval(1)
                while !Self.living(marker).isEmpty, Date() < deadline { usleep(20_000) }
                #expect(Self.living(marker).isEmpty, "round \(round): a step's processes outlived the resume")
                kinds["runbook run", default: 0] += 1
            default:
                let watch = try cli.start(["health", "watch", "--checks", cli.folder + "/checks.yaml"])
                usleep(delay * 4)
                kill(watch.processIdentifier, SIGKILL)
                watch.waitUntilExit()
                kinds["health watch", default: 0] += 1
            }
            let verify = try cli.run(["verify"])
            #expect(verify.status == 0, "round \(round): \(verify.stdout) \(verify.stderr)")
            if verify.status != 0 { break }
        }
        for entry in Self.living(marker) { kill(entry, SIGKILL) }
        let texts = Set(
            try cli.sqlite("SELECT text FROM timelineEntry WHERE kind = 'note'").split(separator: "\n").map(String.init)
        )
        for entry in acknowledged {
            #expect(texts.contains(entry), "acknowledged “\(entry)” is stored")
        }
        print(
            "kill -9 soak: \(Self.kills) kills (\(kinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), \(acknowledged.count) acknowledged writes checked, 0 lost"
        )
    }

    /// SIGSTOP/SIGCONT, a storm of resizes down to 1×1 and SIGWINCH while a step streams binary
    /// output, then a hang-up: the terminal is given back, the run recorded and memory bounded.
    @Test func signalStormsDuringAFloodThenHangUpKeepTheRunAndTheTerminal() throws {
        var cli = try CLIRunner()
        let folder = cli.folder + "/runbooks"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
        # Runbook: Binary flood

        ## Steps

        ### Stream
        ```bash {name=stream risk=low timeout=10m}
        head -c \(Self.floodBytes) /dev/urandom; echo; echo stream-done
        ```

        """.write(toFile: folder + "/flood.md", atomically: true, encoding: .utf8)
        cli.environment["SITREP_RUNBOOKS"] = folder
        _ = try cli.ok(["declare", "Signals", "--severity", "P2"])
        let session = try TmuxSession(
            cli: cli, shell: TmuxSession.quote(CLIRunner.binary) + " console; echo console-exited-$?; sleep 600")
        try session.waitFor(text: "Incidents · open")
        let shell = try #require(pid_t(try session.display("#{pane_pid}")))
        let console = try #require(
            SmallDisk.run("/usr/bin/pgrep", ["-P", String(shell)]).output.split(separator: "\n").first.flatMap {
                pid_t($0)
            })
        try session.keys(":")
        try session.type("runbook flood")
        try session.keys("Enter")
        try session.waitFor("step shown") { $0.contains("Step 1/1") && $0.contains("y run") }
        try session.keys("y")
        var random = SystemRandomNumberGenerator()
        var peak = 0
        var stops = 0
        var resizes = 0
        func rss() -> Int { ProcessStatus.kilobytes("VmRSS", of: console) }
        repeat {
            for _ in 0..<20 {
                let tiny = Bool.random(using: &random)
                let width = tiny ? Int.random(in: 1...4, using: &random) : Int.random(in: 20...200, using: &random)
                let height = tiny ? Int.random(in: 1...3, using: &random) : Int.random(in: 5...60, using: &random)
                try session.tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
                kill(console, SIGWINCH)
                resizes += 1
            }
            kill(console, SIGSTOP)
            usleep(50_000)
            kill(console, SIGCONT)
            stops += 1
            peak = max(peak, rss())
        } while (try cli.sqlite("SELECT count(*) FROM stepRun WHERE outcome = 'ran'")) != "1" && resizes < 20_000
        try session.tmux(["resize-window", "-t", "main", "-x", "120", "-y", "40"])
        try session.waitFor(text: "Runbook completed (recorded)", limit: 120)
        #expect(try session.display("#{pane_dead}") == "0", "the console survived the storm")
        kill(console, SIGHUP)
        try session.waitFor(text: "console-exited-")
        #expect(try session.display("#{alternate_on}") == "0", "the hang-up gave the terminal back")
        #expect(Int(try cli.sqlite("SELECT outputBytes FROM stepRun")) ?? 0 > Self.floodBytes)
        #expect(try cli.sqlite("SELECT outcome FROM stepRun") == "ran")
        #expect(peak > 0 && peak < 200_000, "RSS peaked at \(peak) kB while \(Self.floodBytes) bytes streamed")
        print(
            "signal storm: \(resizes) resizes and SIGWINCH, \(stops) SIGSTOP/SIGCONT, \(Self.floodBytes) bytes streamed, peak RSS \(peak) kB"
        )
    }
}
