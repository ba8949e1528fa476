import Foundation
import Testing

/// `export --all` and `import` move a whole store between backends: on the PostgreSQL pass the
/// dump goes file → server → file, and every copy exports the same bytes and verifies.
@Suite struct DumpRoundTripTests {
    /// A store with every kind of record: milestones, roles, notes, action items, a runbook run
    /// with its steps and output, and an acknowledged handoff.
    func recordIncident(_ cli: CLIRunner, db: String) throws -> String {
        let key = try cli.ok([
            "declare", "Disk full on db-3", "--severity", "P1", "--service", "db", "--tag", "storage",
            "--commander", "erin", "--db", db,
        ])
        _ = try cli.ok(["note", key, "cleared 40 GB of old WAL", "--db", db])
        _ = try cli.ok(["assign", key, "scribe", "omar", "--db", db])
        let item = try cli.ok(["action", "add", key, "Alert at 80% disk", "--owner", "omar", "--db", db])
        _ = try cli.ok(["status", key, "mitigated", "--db", db])
        _ = try cli.ok(["action", "done", item.trimmingCharacters(in: .init(charactersIn: "#")), "--db", db])
        let runbook = cli.folder + "/disk.md"
        try "# Runbook: Disk\n\n```sh {name=usage risk=low}\necho 'usage 91%'\n```\n".write(
            toFile: runbook, atomically: true, encoding: .utf8)
        _ = try cli.ok(["runbook", "run", runbook, "--incident", key, "--yes", "--db", db])
        _ = try cli.ok(["handoff", "--to", "bob", "--note", "watch db-3", "--db", db])
        _ = try cli.ok(["handoff", "ack", "--user", "bob", "--db", db])
        return key
    }

    @Test func aDumpRoundTripsByteForByteAndVerifies() throws {
        let cli = try CLIRunner()
        let source = cli.folder + "/source.sqlite"
        _ = try recordIncident(cli, db: source)
        let dump = try cli.ok(["export", "--all", "--db", source])
        let file = cli.folder + "/dump.json"
        try dump.write(toFile: file, atomically: true, encoding: .utf8)

        let verified = try cli.ok(["verify", "--db", source])
        let entries = verified.split(separator: " ")[1]
        #expect(try cli.ok(["import", file]) == "imported 1 incidents (\(entries) entries) and 1 handoffs")
        #expect(try cli.ok(["verify"]) == verified)
        #expect(try cli.ok(["export", "--all"]) == dump)

        let back = cli.folder + "/back.sqlite"
        try (try cli.ok(["export", "--all"])).write(toFile: file, atomically: true, encoding: .utf8)
        _ = try cli.ok(["import", file, "--db", back])
        #expect(try cli.ok(["export", "--all", "--db", back]) == dump)
        #expect(try cli.ok(["handoff", "list", "--db", back]).contains("by bob"))
    }

    @Test func aBrokenChainOrAKeyAlreadyThereWritesNothing() throws {
        let cli = try CLIRunner()
        let source = cli.folder + "/source.sqlite"
        let key = try recordIncident(cli, db: source)
        let dump = try cli.ok(["export", "--all", "--db", source])
        let file = cli.folder + "/dump.json"

        try dump.replacingOccurrences(of: "cleared 40 GB", with: "cleared 4 GB").write(
            toFile: file, atomically: true, encoding: .utf8)
        let tampered = try cli.run(["import", file])
        #expect(tampered.status == 65)
        #expect(tampered.stderr.contains("\(key): timeline entry 3 does not continue the hash chain"))
        #expect(try cli.ok(["db", "status"]).contains("incidents   0"))

        try dump.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try cli.ok(["import", file])
        let again = try cli.run(["import", file])
        #expect(again.status == 65)
        #expect(again.stderr.contains("\(key) is already in"))
        #expect(try cli.ok(["db", "status"]).contains("incidents   1"))

        try "{\"incidents\": 3}".write(toFile: file, atomically: true, encoding: .utf8)
        let foreign = try cli.run(["import", file])
        #expect(foreign.status == 65)
        #expect(foreign.stderr.contains("\(file): not a sitrep dump"))
    }
}
