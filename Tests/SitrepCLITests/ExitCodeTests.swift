import Foundation
import Testing

@Suite struct ExitCodeTests {
    @Test(arguments: [
        ["declare", "x"],
        ["declare", "x", "--severity", "P9"],
        ["declare", "", "--severity", "P1"],
        ["note", "INC-20251104-001"],
        ["status", "INC-20251104-001", "sideways"],
        ["note", "INC-20251104-001", "x", "--at", "yesterday"],
        ["note", "INC-20251104-001", "x", "--kind", "gossip"],
        ["action", "add", "INC-20251104-001", "x", "--due", "2025-02-30"],
        ["frobnicate"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let cli = try CLIRunner()
        let result = try cli.run(arguments)
        #expect(result.status == 64, "\(arguments) → \(result.status) \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func aDatabaseURLIsNeverTakenForAFilePath() throws {
        let cli = try CLIRunner()
        let server = try cli.run(
            ["list"], extraEnvironment: ["SITREP_DB": "postgres://sre:hunter2@127.0.0.1:1/sitrep"])
        #expect(server.status == 69, "\(server.stderr)")
        #expect(server.stderr.contains("postgres://sre@127.0.0.1:1/sitrep"))
        #expect(!server.stderr.contains("hunter2"))
        let unknown = try cli.run(["declare", "x", "--severity", "P1", "--db", "mysql://root@localhost/sitrep"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--db mysql://root@localhost/sitrep"))
        let created = try FileManager.default.contentsOfDirectory(atPath: cli.folder)
        #expect(!created.contains { $0.hasPrefix("postgres") || $0.hasPrefix("mysql") }, "\(created)")
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/postgres:"))
    }

    @Test func refusalsExit65AndWriteNothing() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "x", "--severity", "P2", "--at", "2025-11-04T10:00:00Z"])
        let before = try cli.sqlite("SELECT count(*) FROM timelineEntry")
        let close = try cli.run(["status", key, "closed"])
        #expect(close.status == 65)
        #expect(close.stderr.contains("never resolved"))
        let early = try cli.run(["status", key, "mitigated", "--at", "2025-11-04T09:00:00Z"])
        #expect(early.status == 65)
        #expect(early.stderr.contains("before it was declared"))
        #expect(try cli.run(["severity", key, "P2"]).status == 65)
        #expect(try cli.sqlite("SELECT count(*) FROM timelineEntry") == before)
    }

    @Test func missingIncidentExits66() throws {
        let cli = try CLIRunner()
        _ = try cli.ok(["declare", "x", "--severity", "P2"])
        for arguments in [
            ["show", "INC-20990101-001"], ["note", "INC-20990101-001", "x"],
            ["status", "INC-20990101-001", "resolved"],
            ["action", "done", "4242"], ["export", "INC-20990101-001", "--json"], ["verify", "INC-20990101-001"],
        ] {
            let result = try cli.run(arguments)
            #expect(result.status == 66, "\(arguments) → \(result.status)")
            #expect(result.stderr.contains("no "))
        }
    }

    @Test(.enabled(if: CLIRunner.onSQLite, "a database file"))
    func foreignFileIsRefusedAndLeftAlone() throws {
        let cli = try CLIRunner()
        let text = "grocery list: eggs, milk\n"
        try text.write(toFile: cli.database, atomically: true, encoding: .utf8)
        let result = try cli.run(["list"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("not a SQLite database"))
        #expect(result.stderr.contains(cli.database))
        #expect(try String(contentsOfFile: cli.database, encoding: .utf8) == text)
    }

    @Test func badConfigExits78NamingFileAndLine() throws {
        let cli = try CLIRunner()
        try FileManager.default.createDirectory(
            atPath: cli.folder + "/config/sitrep", withIntermediateDirectories: true)
        let config = cli.folder + "/config/sitrep/config.yaml"
        try "user: alice\ncolour: blue\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try cli.run(["list"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(config):2:"))
    }

    @Test func verifyExits65NamingTheTamperedEntry() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "x", "--severity", "P2"])
        for number in 1...4 { _ = try cli.ok(["note", key, "note \(number)"]) }
        #expect(try cli.run(["verify", key]).status == 0)
        _ = try cli.sqlite("UPDATE timelineEntry SET text = 'all fine' WHERE sequence = 3")
        let result = try cli.run(["verify"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(key) entry 3"))
    }

    @Test func helpIsCompleteAndCompletionsGenerate() throws {
        let cli = try CLIRunner()
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        for command in [
            "declare", "list", "show", "note", "status", "severity", "assign", "action", "export", "verify",
        ] {
            #expect(help.stdout.contains(command), "\(command) missing from --help")
            let sub = try cli.run([command, "--help"])
            #expect(sub.status == 0, "\(command) --help")
            #expect(sub.stdout.contains("USAGE"), "\(command) --help")
        }
        for sub in ["add", "list", "done"] {
            #expect(try cli.run(["action", sub, "--help"]).status == 0)
        }
        #expect(try cli.run(["status", "--help"]).stdout.contains("reopened"))
        let version = try cli.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3, "\(version.stdout)")
        let completion = try cli.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("complete"))
        #expect(completion.stdout.contains("declare"))
    }
}
