import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The faults of an SRE's worst hour, injected into real sitrep processes: a full disk, a
/// database made read-only, deleted, replaced or cut short under a running console, and hostile
/// health endpoints. `make soak` (`SITREP_SOAK=1`) runs the same tests longer.
@Suite(.serialized) struct FaultInjectionTests {
    static let soak = ProcessInfo.processInfo.environment["SITREP_SOAK"] == "1"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func sqlite(_ path: String, _ sql: String) -> String {
        SmallDisk.run("/usr/bin/sqlite3", [path, sql]).output
    }

    static func digest(_ path: String) -> String {
        SmallDisk.run("/usr/bin/sha256sum", [path]).output
    }

    /// Every write on a full disk exits 74 with a message; what was acknowledged before is all
    /// there and verifies once space is back, and writing works again.
    @Test(.enabled(if: CLIRunner.onSQLite, "a database file on a full disk"))
    func aFullDiskRefusesWritesWith74AndLosesNothingAcknowledged() throws {
        var cli = try CLIRunner()
        let (mounted, reason) = try SmallDisk.mount(at: cli.folder + "/disk", bytes: 3 << 20)
        guard let disk = mounted else {
            print("skipped: the full-disk test \(reason)")
            #expect(!CLIRunner.inCI || getuid() != 0, "CI runs as root, where a tmpfs can be mounted")
            return
        }
        defer { disk.unmount() }
        let database = disk.path + "/sitrep.sqlite"
        cli.environment["SITREP_DB"] = database
        let key = try cli.ok(["declare", "Disk fills during the incident", "--severity", "P2"])
        var acknowledged: [Int] = []
        var refusals = 0
        var attempt = 0
        // The disk fills a little more before each note, until notes are refused several times.
        while refusals < 5, attempt < 2_000 {
            disk.fill(atMost: 48 << 10)
            let result = try cli.run(["note", key, "acknowledged \(attempt) " + String(repeating: "x", count: 600)])
            if result.status == 0 {
                acknowledged.append(attempt)
            } else {
                #expect(result.status == 74, "a refused write exits 74, not \(result.status): \(result.stderr)")
                #expect(result.stderr.contains(database), "the message names the file: \(result.stderr)")
                refusals += 1
            }
            attempt += 1
        }
        #expect(refusals == 5, "the disk filled up and writes were refused")
        #expect(acknowledged.count > 0)
        for arguments in [
            ["declare", "Another", "--severity", "P3"], ["status", key, "mitigated"], ["severity", key, "P1"],
            ["assign", key, "scribe", "bob"], ["action", "add", key, "Buy disks"],
        ] {
            let result = try cli.run(arguments)
            #expect(
                result.status == 74,
                "\(arguments.joined(separator: " ")) on a full disk: \(result.status) \(result.stderr)")
        }
        let read = try cli.run(["show", key])
        #expect(
            read.status == 0 || (read.status == 74 && read.stderr.contains(database)), "\(read.status) \(read.stderr)")
        try FileManager.default.removeItem(atPath: disk.path + "/filler")
        #expect(try cli.run(["verify"]).status == 0)
        let stored = Set(
            Self.sqlite(database, "SELECT text FROM timelineEntry WHERE text LIKE 'acknowledged %'")
                .split(separator: "\n").compactMap { Int($0.split(separator: " ")[1]) })
        #expect(Set(acknowledged).isSubset(of: stored), "every acknowledged note survived the full disk")
        _ = try cli.ok(["note", key, "space is back"])
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// The database file and its folder made read-only under a running console and the CLI:
    /// writes are refused with a message and the file is left as it was; once it is writable
    /// again, so is sitrep. Root ignores permissions, so as root sitrep runs as `nobody`.
    @Test(
        .enabled(if: CLIRunner.onSQLite, "a database file"),
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func aReadOnlyDatabaseIsRefusedWithAMessageAndLeftUntouched() throws {
        let cli = try CLIRunner()
        let asUser =
            getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
        func run(_ arguments: [String]) -> (status: Int32, output: String) {
            let command =
                asUser + ["/usr/bin/env"] + cli.environment.map { "\($0.key)=\($0.value)" } + [CLIRunner.binary]
            return SmallDisk.run(command[0], Array(command.dropFirst()) + arguments)
        }
        if getuid() == 0 { _ = SmallDisk.run("/bin/chown", ["-R", "65534:65534", cli.folder]) }
        let declared = run(["declare", "Read-only disk", "--severity", "P2"])
        #expect(declared.status == 0, "\(declared.output)")
        let key = declared.output.split(separator: "\n").last.map(String.init) ?? ""
        let session = try TmuxSession(
            cli: cli, shell: (asUser + [CLIRunner.binary]).map(TmuxSession.quote).joined(separator: " "))
        try session.waitFor(text: "Read-only disk")
        _ = SmallDisk.run("/bin/chmod", ["0444", cli.database])
        _ = SmallDisk.run("/bin/chmod", ["0555", cli.folder])
        let before = Self.digest(cli.database)
        let refused = run(["note", key, "cannot land"])
        #expect(refused.status == 74, "\(refused.status): \(refused.output)")
        #expect(refused.output.contains(cli.database), "\(refused.output)")
        try session.keys("n")
        try session.waitFor(text: "Note:")
        try session.type("typed while read-only")
        try session.keys("Enter")
        try session.waitFor("the refusal shown") { $0.contains("readonly") || $0.contains("read-only") }
        #expect(Self.digest(cli.database) == before, "a refused write changed nothing")
        _ = SmallDisk.run("/bin/chmod", ["0755", cli.folder])
        _ = SmallDisk.run("/bin/chmod", ["0644", cli.database])
        try session.keys("n")
        try session.waitFor(text: "Note:")
        try session.type("typed once writable")
        try session.keys("Enter")
        try session.waitFor(text: "typed once writable")
        #expect(try session.display("#{pane_dead}") == "0", "the console kept running")
        #expect(run(["verify"]).status == 0)
    }

    /// The file deleted, then another database moved into its place, under a running console:
    /// it says so and refuses writes that would land in a file nobody reads.
    @Test(
        .enabled(if: CLIRunner.onSQLite, "a database file"),
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func aDeletedOrReplacedDatabaseIsNoticedAndWritesAreRefused() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "File goes away", "--severity", "P2"])
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "File goes away")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.database + suffix) }
        try session.waitFor(text: "was deleted or replaced")
        try session.waitFor(text: "store unreachable")
        try session.keys("n")
        try session.waitFor(text: "Note:")
        try session.type("lost if it were accepted")
        try session.keys("Enter")
        try session.waitFor(text: "nothing was written")
        var other = try CLIRunner()
        other.environment["SITREP_DB"] = cli.folder + "/other.sqlite"
        _ = try other.ok(["declare", "Restored from backup", "--severity", "P3"])
        try FileManager.default.moveItem(atPath: cli.folder + "/other.sqlite", toPath: cli.database)
        #expect(try session.display("#{pane_dead}") == "0", "the console kept running")
        #expect(try cli.ok(["list"]).contains("Restored from backup"))
        // The CLI opens the file there now: the restored one, whose first incident has the same key.
        _ = try cli.ok(["note", key, "written to the restored file"])
        #expect(try cli.ok(["show", key]).contains("Restored from backup"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// The `-wal` file removed under a running console: no crash, and what is there verifies.
    @Test(
        .enabled(if: CLIRunner.onSQLite, "a database file"),
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func aRemovedWALFileCrashesNothing() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "WAL goes away", "--severity", "P2"])
        let session = try TmuxSession(cli: cli)
        try session.waitFor(text: "WAL goes away")
        _ = try cli.ok(["note", key, "before the WAL went"])
        try? FileManager.default.removeItem(atPath: cli.database + "-wal")
        let after = try cli.run(["note", key, "after the WAL went"])
        #expect(after.status == 0 || after.stderr.contains("-wal file was removed"), "\(after.status): \(after.stderr)")
        try session.keys("j", "k")
        #expect(try session.display("#{pane_dead}") == "0", "the console kept running")
        // Once the console is closed, the file opens and verifies again.
        try session.tmux(["kill-server"])
        usleep(500_000)
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        _ = try cli.ok(["note", key, "after the console closed"])
    }

    /// A file cut short in the middle of a page: every command says the file is damaged, exits
    /// non-zero without a crash, and leaves the bytes as they were.
    @Test(.enabled(if: CLIRunner.onSQLite, "a database file"))
    func aTruncatedFileIsRefusedUntouched() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "Truncated", "--severity", "P2"])
        for index in 0..<200 { _ = try cli.ok(["note", key, "note \(index) " + String(repeating: "y", count: 200)]) }
        let size = try FileManager.default.attributesOfItem(atPath: cli.database)[.size] as! Int
        #expect(truncate(cli.database, off_t(size / 2 + 1_000)) == 0)
        let before = Self.digest(cli.database)
        for arguments in [["list"], ["show", key], ["note", key, "more"], ["verify"], ["export", "--all"]] {
            let result = try cli.run(arguments)
            #expect(
                [65, 66, 74].contains(result.status),
                "\(arguments.joined(separator: " ")): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(cli.database), "\(arguments): \(result.stderr)")
        }
        #expect(Self.digest(cli.database) == before, "a refused file is never modified")
    }
}
