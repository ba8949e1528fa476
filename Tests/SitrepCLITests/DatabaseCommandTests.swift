import Foundation
import Testing

/// `sitrep db init` and `db status` on whichever backend the suite runs on.
@Suite struct DatabaseCommandTests {
    @Test func initThenStatusShowsBackendSchemaAndCounts() throws {
        let cli = try CLIRunner()
        #expect(try cli.ok(["db", "init"]).hasPrefix("ready: "))
        #expect(try cli.ok(["db", "init"]).hasPrefix("ready: "))
        let key = try cli.ok(["declare", "Queue backlog", "--severity", "P2"])
        _ = try cli.ok(["note", key, "draining"])
        let json = try cli.ok(["db", "status", "--json"])
        let status = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(status["backend"] as? String == (CLIRunner.onSQLite ? "sqlite" : "postgresql"))
        #expect(status["incidents"] as? Int == 1)
        #expect(status["entries"] as? Int == 2)
        #expect(status["connection"] as? String == "ok")
        #expect((status["schemaVersion"] as? String)?.hasPrefix("v") == true)
        let text = try cli.ok(["db", "status"])
        #expect(text.contains("incidents   1"))
        #expect(!text.contains("sitrep-test"))
    }

    @Test func anUnreachableServerIsExit69WithoutThePassword() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["db", "status", "--db", "postgres://sre:hunter2@127.0.0.1:1/sitrep"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("cannot reach the server"))
        #expect(!result.stderr.contains("hunter2"))
    }
}
