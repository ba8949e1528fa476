import Foundation
import Testing

@Suite struct CommandTests {
    @Test func declarePrintsAKey() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "Checkout API returning 500s", "--severity", "P1", "--service", "checkout"])
        #expect(key.wholeMatch(of: /INC-\d{8}-001/) != nil, "\(key)")
        #expect(try cli.ok(["declare", "Second", "--severity", "P3"]).hasSuffix("-002"))
    }

    @Test func aWholeIncidentFromTheShell() throws {
        let cli = try CLIRunner()
        let key = try cli.ok([
            "declare", "Checkout API returning 500s", "--severity", "P2", "--service", "checkout", "--summary",
            "5xx on /pay", "--commander", "alice", "--at", "2025-11-04T10:00:00Z",
        ])
        #expect(try cli.ok(["status", key, "acknowledged", "--at", "2025-11-04T10:03:00Z"]) == "\(key) acknowledged")
        #expect(
            try cli.ok(["note", key, "Deploy 4512 went out at 09:58", "--at", "2025-11-04T11:05:00+01:00"])
                == "\(key) #4")
        _ = try cli.ok(["note", key, "Rolling back 4512", "--kind", "decision", "--user", "bob"])
        _ = try cli.ok(["severity", key, "P1", "--note", "EU customers affected"])
        _ = try cli.ok(["assign", key, "commander", "bob"])
        _ = try cli.ok(["assign", key, "responder", "carol"])
        _ = try cli.ok(["edit", key, "impact", "30% of checkouts failed for 25 minutes"])
        let actionID = try cli.ok([
            "action", "add", key, "Add canary stage", "--owner", "dmitri", "--due", "2025-11-20", "--priority", "high",
            "--type", "prevent",
        ])
        #expect(Int(actionID) != nil)
        _ = try cli.ok(["status", key, "mitigated", "--note", "rollback complete"])

        let show = try cli.ok(["show", key])
        #expect(show.contains("Checkout API returning 500s"))
        #expect(show.contains("2025-11-04 10:05:00  alice  [note] Deploy 4512 went out at 09:58"))
        #expect(show.contains("[decision] Rolling back 4512"))
        #expect(show.contains("Severity P2 → P1: EU customers affected"))
        #expect(show.contains("Incident commander alice → bob"))
        #expect(show.contains("[ ] #\(actionID) Add canary stage (high, prevent, owner dmitri, due 2025-11-20)"))

        let export =
            try JSONSerialization.jsonObject(with: Data(try cli.ok(["export", key, "--json"]).utf8)) as! [String: Any]
        #expect(export["key"] as? String == key)
        #expect(export["severity"] as? String == "P1")
        #expect(export["status"] as? String == "mitigated")
        #expect(export["impact"] as? String == "30% of checkouts failed for 25 minutes")
        let milestones = export["milestones"] as! [String: Any]
        #expect(milestones["declared"] as? String == "2025-11-04T10:00:00Z")
        #expect(milestones["acknowledged"] as? String == "2025-11-04T10:03:00Z")
        #expect(milestones["resolved"] is NSNull)
        let roles = export["roles"] as! [String: Any]
        #expect(roles["commander"] as? String == "bob")
        #expect(roles["responders"] as? [String] == ["carol"])
        let timeline = export["timeline"] as! [[String: Any]]
        #expect(timeline.count == 11)
        #expect(timeline[3]["eventTime"] as? String == "2025-11-04T10:05:00Z")
        #expect((timeline[3]["recordedTime"] as? String)?.hasSuffix("Z") == true)
        #expect(
            timeline[5]["details"] as? [String: String] == ["from": "P2", "to": "P1", "note": "EU customers affected"])
        #expect(Set(export.keys).isSuperset(of: ["title", "services", "tags", "actionItems", "roleHistory", "drill"]))

        #expect(try cli.ok(["action", "done", actionID]) == "#\(actionID) done")
        let actions =
            try JSONSerialization.jsonObject(with: Data(try cli.ok(["action", "list", "--all", "--json"]).utf8))
            as! [[String: Any]]
        #expect(actions.first?["status"] as? String == "done")
        #expect(try cli.ok(["verify"]) == "ok: 12 entries in 1 incidents verified")
    }

    @Test func listIsSortedAndHidesResolvedUnlessAll() throws {
        let cli = try CLIRunner()
        let low = try cli.ok(["declare", "low", "--severity", "P3"])
        let high = try cli.ok(["declare", "high", "--severity", "P0", "--commander", "bob"])
        let done = try cli.ok(["declare", "done", "--severity", "P1"])
        _ = try cli.ok(["status", done, "resolved"])
        let rows =
            try JSONSerialization.jsonObject(with: Data(try cli.ok(["list", "--json"]).utf8)) as! [[String: Any]]
        #expect(rows.map { $0["key"] as? String } == [high, low])
        #expect(rows.first?["commander"] as? String == "bob")
        #expect(rows.last?["commander"] is NSNull)
        let all = try JSONSerialization.jsonObject(with: Data(try cli.ok(["list", "--all", "--json"]).utf8)) as! [Any]
        #expect(all.count == 3)
        let text = try cli.ok(["list"])
        #expect(text.hasPrefix("KEY"))
        #expect(text.contains("high"))
    }

    @Test func authorComesFromFlagEnvironmentConfigOrLogin() throws {
        var cli = try CLIRunner()
        let key = try cli.ok(["declare", "x", "--severity", "P2"])
        _ = try cli.ok(["note", key, "by flag", "--user", "flag-user"])
        _ = try cli.ok(["note", key, "by env"])
        try FileManager.default.createDirectory(
            atPath: cli.folder + "/config/sitrep", withIntermediateDirectories: true)
        try "user: config-user\n".write(
            toFile: cli.folder + "/config/sitrep/config.yaml", atomically: true, encoding: .utf8)
        cli.environment["SITREP_USER"] = nil
        _ = try cli.ok(["note", key, "by config"])
        try FileManager.default.removeItem(atPath: cli.folder + "/config/sitrep/config.yaml")
        _ = try cli.ok(["note", key, "by login"])
        let authors = try cli.sqlite("SELECT author FROM timelineEntry ORDER BY id").split(separator: "\n").map(
            String.init)
        #expect(authors.count == 5)
        #expect(Array(authors[1...3]) == ["flag-user", "alice", "config-user"])
        #expect(!authors[4].isEmpty && authors[4] != "config-user")
    }

    @Test(.enabled(if: CLIRunner.onSQLite, "the default is a database file"))
    func defaultDatabaseLivesUnderXDGDataHomePrivately() throws {
        var cli = try CLIRunner()
        cli.environment["SITREP_DB"] = nil
        _ = try cli.ok(["declare", "x", "--severity", "P2"])
        let path = cli.folder + "/data/sitrep/sitrep.sqlite"
        #expect(FileManager.default.fileExists(atPath: path))
        let folderMode =
            try FileManager.default.attributesOfItem(atPath: cli.folder + "/data/sitrep")[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
        let other = cli.folder + "/elsewhere.sqlite"
        _ = try cli.ok(["declare", "y", "--severity", "P2", "--db", other])
        #expect(FileManager.default.fileExists(atPath: other))
    }
}
