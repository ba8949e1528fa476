import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `sitrep runbook …` driven through the built binary, answering prompts on standard input.
@Suite struct RunbookCLITests {
    static let shippedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Runbooks").path

    static let runbook = """
        # Runbook: CLI check

        ## Diagnosis

        ### Greet

        ```sh {name=greet risk=low}
        echo "hello $WHO"
        ```

        ### Count

        ```sh {name=count}
        echo one; echo two >&2
        ```

        ## Resolution

        - [ ] Tell the team

        ### Drop caches

        ```sh {name=drop-caches risk=high}
        echo dropped
        ```
        """

    /// Runs the binary with `input` as standard input.
    func run(_ cli: CLIRunner, _ arguments: [String], input: String) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = arguments
        process.environment = cli.environment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.folder)
        let stdin = Pipe()
        let out = cli.folder + "/out-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let errPipe = Pipe()
        process.standardInput = stdin
        process.standardOutput = outHandle
        process.standardError = errPipe
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let stderr = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try outHandle.close()
        return CLIRunner.Result(
            status: process.terminationStatus, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func setUp() throws -> (cli: CLIRunner, key: String, path: String) {
        let cli = try CLIRunner()
        let path = cli.folder + "/Runbooks/cli-check.md"
        try FileManager.default.createDirectory(atPath: cli.folder + "/Runbooks", withIntermediateDirectories: true)
        try Self.runbook.write(toFile: path, atomically: true, encoding: .utf8)
        let key = try cli.ok(["declare", "Runbook test", "--severity", "P2"])
        return (cli, key, path)
    }

    @Test func checkPassesShippedRunbooksAndNamesEveryProblem() throws {
        let cli = try CLIRunner()
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.shippedFolder).filter {
            $0.hasSuffix(".md")
        }
        .map { Self.shippedFolder + "/" + $0 }
        let good = try cli.run(["runbook", "check"] + shipped)
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.components(separatedBy: ": ok (").count == shipped.count + 1)

        let bad = cli.folder + "/bad.md"
        try "# Runbook: Bad\n\n```sh {tmeout=5}\necho\n```\n\n```sh {name=a timeout=never}\necho\n```\n\n```bash\nopen"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try cli.run(["runbook", "check", bad])
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("\(bad):3: unknown attribute `tmeout`"))
        #expect(lines[1].hasPrefix("\(bad):7: bad timeout `never`"))
        #expect(
            lines[2]
                == "\(bad):11: the ``` fence opened here is never closed (step 3 cannot run; the rest of the runbook can)"
        )
        #expect(try cli.run(["runbook", "check", cli.folder + "/missing.md"]).status == 66)
    }

    static let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IncidentCoreTests/RunbookCorpus").path

    /// Every runbook in Runbooks/ and the corpus loads; the two with a fence left open name its
    /// line and nothing else.
    @Test func checkLoadsEveryShippedAndCorpusRunbook() throws {
        let cli = try CLIRunner()
        let corpus = try FileManager.default.contentsOfDirectory(atPath: Self.corpusFolder).filter {
            $0.hasSuffix(".md")
        }
        .sorted().map { Self.corpusFolder + "/" + $0 }
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.shippedFolder).filter {
            $0.hasSuffix(".md")
        }
        .sorted().map { Self.shippedFolder + "/" + $0 }
        #expect(corpus.count == 9)
        let result = try cli.run(["runbook", "check"] + shipped + corpus)
        #expect(result.status == 65)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == shipped.count + corpus.count)
        for file in shipped + corpus where !file.contains("/unclosed-fence-") {
            #expect(lines.contains { $0.hasPrefix("\(file): ok (") }, "\(file)")
        }
        let broken = lines.filter { $0.contains("/unclosed-fence-") }
        #expect(
            broken == [
                "\(Self.corpusFolder)/unclosed-fence-at-end.md:13: the ``` fence opened here is never closed "
                    + "(step 3 cannot run; the rest of the runbook can)",
                "\(Self.corpusFolder)/unclosed-fence-in-list.md:13: the ``` fence opened here is never closed "
                    + "(step 2 cannot run; the rest of the runbook can)",
            ])
    }

    /// A step whose fence is never closed is named before the run and passed over; the steps
    /// around it run and are recorded, and the run completes.
    @Test func aBrokenStepIsPassedOverAndTheRestRuns() throws {
        let (cli, key, _) = try setUp()
        let path = cli.folder + "/Runbooks/partly-broken.md"
        try """
        # Runbook: Partly broken

        - [ ] Say you are starting

        - Broken one:

          ```sh {name=broken}
          touch broken-ran

        ```console {name=after risk=low}
        $ echo after > after-ran
        after
        ```
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(cli, ["runbook", "run", "partly-broken", "--incident", key, "--yes"], input: "")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(
            result.stderr.contains(
                "Runbooks/partly-broken.md:7: the ``` fence opened here is never closed (step 2 cannot run;"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/Runbooks/broken-ran"))
        #expect(FileManager.default.fileExists(atPath: cli.folder + "/Runbooks/after-ran"))
        #expect(
            try cli.sqlite("SELECT group_concat(stepId || ':' || outcome) FROM stepRun")
                == "say-you-are-starting:done,after:ran")
        #expect(try cli.sqlite("SELECT state FROM runbookRun") == "completed")
    }

    @Test func listAndShowFindRunbooksInTheFolders() throws {
        let (cli, _, _) = try setUp()
        let list = try run(cli, ["runbook", "list"], input: "")
        #expect(list.status == 0)
        #expect(list.stdout.contains("cli-check  CLI check  4"))
        let show = try run(cli, ["runbook", "show", "cli-check"], input: "")
        #expect(show.stdout.contains("HIGH RISK · name: drop-caches"))
        let json = try run(cli, ["runbook", "show", "cli-check", "--json"], input: "")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let steps = object?["steps"] as? [[String: Any]]
        #expect(steps?.map { $0["id"] as? String } == ["greet", "count", "tell-the-team", "drop-caches"])
        #expect(steps?.first?["timeout"] as? Double == 300)
        #expect(try run(cli, ["runbook", "show", "nope"], input: "").status == 66)
    }

    @Test func aRunIsLoggedAndOneShotCommandsLogNothing() throws {
        let (cli, key, _) = try setUp()
        // HOME is the test's folder and XDG_STATE_HOME is unset: the XDG default applies.
        let folder = cli.folder + "/.local/state/sitrep"
        let log = folder + "/sitrep.log"
        _ = try cli.ok(["note", key, "one-shot commands print to their caller, not to the log"])
        #expect(!FileManager.default.fileExists(atPath: log))
        let result = try run(
            cli, ["runbook", "run", "cli-check", "--incident", key, "--var", "WHO=world"],
            input: "y\ns\ny\ndrop-caches\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("info") && $0.contains("runbook run started") && $0.contains(key) })
        #expect(
            lines.contains {
                $0.contains("step started") && $0.contains("name=greet") && $0.contains("confirmedBy=alice")
            })
        #expect(lines.contains { $0.contains("step finished") && $0.contains("outcome=ran") && $0.contains("exit=0") })
        #expect(lines.last?.contains("runbook run ended") == true && lines.last?.contains("state=completed") == true)
        let fileMode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
    }

    @Test func aRunAsksConfirmsAndRecordsEveryAnswer() throws {
        let (cli, key, _) = try setUp()
        // WHO, greet y, count s, manual y, high risk: "y" refused, then the name.
        let result = try run(
            cli, ["runbook", "run", "cli-check", "--incident", key], input: "world\ny\ns\ny\ny\ndrop-caches\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("hello world\n"))
        #expect(result.stdout.contains("That is not the step name; nothing was run."))
        #expect(result.stdout.contains("this step) ---\ndropped\n"))
        #expect(result.stdout.contains("Runbook completed"))
        let outcomes = try cli.sqlite(
            "SELECT stepId || ':' || outcome || ':' || coalesce(confirmedBy, '') FROM stepRun ORDER BY id")
        #expect(
            outcomes.split(separator: "\n") == [
                "greet:ran:alice", "count:skipped:alice", "tell-the-team:done:alice", "drop-caches:ran:alice",
            ])
        let timeline = try cli.ok(["show", key])
        #expect(timeline.contains("Step 1/4 Greet: ran (exit 0"))
        #expect(timeline.contains("Step 2/4 Count: skipped"))
        #expect(try cli.ok(["verify"]).isEmpty == false)
    }

    @Test func yesNeverBypassesHighRiskAndQuitIsRecorded() throws {
        let (cli, key, _) = try setUp()
        let result = try run(
            cli, ["runbook", "run", "cli-check", "--incident", key, "--yes", "--var", "WHO=ops"], input: "y\nq\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("hello ops"))
        #expect(result.stdout.contains("one\ntwo\n"))
        #expect(!result.stdout.contains("this step) ---\ndropped"))
        let outcomes = try cli.sqlite("SELECT stepId || ':' || outcome FROM stepRun ORDER BY id")
        #expect(
            outcomes.split(separator: "\n") == ["greet:ran", "count:ran", "tell-the-team:done", "drop-caches:stopped"])
        #expect(try cli.sqlite("SELECT state FROM runbookRun") == "stopped")
    }

    /// A script with --yes that reaches a high-risk step has nobody to answer: the run is left
    /// open there, not stopped, and a person continues it later.
    @Test func endOfInputLeavesTheRunOpenForAPerson() throws {
        let (cli, key, _) = try setUp()
        let unattended = try run(
            cli, ["runbook", "run", "cli-check", "--incident", key, "--yes", "--var", "WHO=ops"], input: "")
        #expect(unattended.status == 1)
        #expect(unattended.stdout.contains("stays open at step 4"), "\(unattended.stdout)")
        #expect(try cli.sqlite("SELECT state FROM runbookRun") == "running")
        #expect(try cli.sqlite("SELECT count(*) FROM stepRun WHERE stepId = 'drop-caches'") == "0")
        let person = try run(cli, ["runbook", "run", "cli-check", "--incident", key], input: "drop-caches\n")
        #expect(person.status == 0, "\(person.stdout)")
        #expect(person.stdout.contains("Resuming run"))
        #expect(person.stdout.contains("Runbook completed"))
        #expect(
            try cli.sqlite(
                "SELECT group_concat(step) FROM (SELECT stepId || ':' || outcome AS step FROM stepRun ORDER BY id) AS steps"
            )
                == "greet:ran,count:ran,tell-the-team:done,drop-caches:ran")
    }

    @Test func aBrokenRunbookIsRefusedBeforeAnythingRuns() throws {
        let (cli, key, _) = try setUp()
        let bad = cli.folder + "/Runbooks/bad.md"
        try "# Runbook: Bad\n\n```sh {timeout=x}\ntouch ran\n```\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let result = try run(cli, ["runbook", "run", "bad", "--incident", key], input: "y\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.md:3: bad timeout `x`"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/Runbooks/ran"))
        #expect(
            try run(cli, ["runbook", "run", "cli-check", "--incident", "INC-19990101-001"], input: "").status == 66)
    }

    @Test func aKilledRunResumesAtTheNextStep() throws {
        let (cli, key, path) = try setUp()
        let hanging = Self.runbook.replacingOccurrences(
            of: "echo one; echo two >&2", with: "echo $$ > count.pid; echo started; sleep 30")
        try hanging.write(toFile: path, atomically: true, encoding: .utf8)

        // Given sitrep killed while step 2 runs
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["runbook", "run", "cli-check", "--incident", key, "--var", "WHO=x"]
        process.environment = cli.environment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.folder)
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data("y\ny\n".utf8))
        var seen = ""
        while !seen.contains("started\n") {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        #expect(seen.contains("started\n"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let stepGroup = pid_t(
            try String(contentsOfFile: cli.folder + "/Runbooks/count.pid", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines))!
        defer { if !ProcessGroupWait.isGone(stepGroup) { kill(-stepGroup, SIGKILL) } }
        #expect(!ProcessGroupWait.isGone(stepGroup), "the step outlives a sitrep killed with SIGKILL")

        // When the runbook is run again on the incident
        let result = try run(cli, ["runbook", "run", "cli-check", "--incident", key], input: "c\ny\ndrop-caches\n")

        // Then it resumes, shows step 2 as interrupted, and continues from step 3
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Resuming run #1"))
        #expect(result.stdout.contains("1. Greet: ran"))
        #expect(result.stdout.contains("2. Count: interrupted"))
        #expect(!result.stdout.contains("hello x"), "step 1 does not run again")
        let outcomes = try cli.sqlite("SELECT stepId || ':' || outcome FROM stepRun ORDER BY id")
        #expect(
            outcomes.split(separator: "\n") == [
                "greet:ran", "count:interrupted", "tell-the-team:done", "drop-caches:ran",
            ])
        #expect(try cli.sqlite("SELECT continuedBy FROM stepRun WHERE stepId = 'count'") == "alice")
        // And resuming ended what the dead run's step left running
        #expect(ProcessGroupWait.untilGone(stepGroup), "step process group \(stepGroup) is gone")
        #expect(
            try cli.sqlite("SELECT note FROM stepRun WHERE stepId = 'count'")
                == "sitrep stopped while the step ran; its leftover processes were ended; its result is unknown")
    }
}
