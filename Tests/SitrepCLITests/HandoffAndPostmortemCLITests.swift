import Foundation
import Testing

@Suite struct HandoffAndPostmortemCLITests {
    @Test func handoffCreateAcknowledgeAndList() throws {
        let cli = try CLIRunner()
        let open = try cli.ok([
            "declare", "Checkout API returning 500s", "--severity", "P1", "--commander", "alice", "--at",
            "2025-11-04T10:00:00Z",
        ])
        let closed = try cli.ok(["declare", "Old trouble", "--severity", "P3", "--at", "2025-11-04T09:00:00Z"])
        _ = try cli.ok(["status", closed, "resolved", "--at", "2025-11-04T09:30:00Z"])
        _ = try cli.ok(["action", "add", open, "Add canary", "--owner", "omar", "--due", "2025-11-01"])
        _ = try cli.ok([
            "note", open, "token=abc123secret pasted by mistake", "--at", "2025-11-04T10:20:00Z",
        ])

        let report = try cli.ok([
            "handoff", "--to", "bob", "--note", "Watch the DB pool.", "--commander", "--at", "2025-11-04T11:00:00Z",
        ])
        #expect(report.hasPrefix("# Shift handoff #1: alice → bob"))
        #expect(report.contains("### \(open) · P1 · detected: Checkout API returning 500s"))
        #expect(!report.contains(closed))
        #expect(report.contains("Watch the DB pool."))
        #expect(report.contains("**2025-11-01 overdue**"))
        #expect(report.contains("token=[REDACTED]"))
        #expect(!report.contains("abc123secret"))
        #expect(report.contains("**Not yet acknowledged.**"))

        let own = try cli.run(["handoff", "ack"])
        #expect(own.status == 65)
        #expect(own.stderr.contains("alice made handoff #1"))
        let ack = try cli.run(["handoff", "ack", "--user", "bob", "--at", "2025-11-04T11:10:00Z"])
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(ack.stdout == "handoff #1 from alice acknowledged by bob at 2025-11-04T11:10:00Z\n")
        #expect(try cli.run(["handoff", "ack", "--user", "bob"]).status == 66)
        #expect(try cli.run(["handoff", "ack", "1", "--user", "bob"]).status == 65)
        #expect(try cli.run(["handoff", "show", "7"]).status == 66)

        let list = try cli.ok(["handoff", "list"])
        #expect(list.contains("#1  2025-11-04 11:00  alice  bob (command)  1          2025-11-04 11:10 by bob"))
        let rows =
            try JSONSerialization.jsonObject(with: Data(try cli.ok(["handoff", "list", "--json"]).utf8))
            as! [[String: Any]]
        #expect(rows.count == 1)
        #expect(rows[0]["acknowledgedBy"] as? String == "bob")
        #expect(rows[0]["acknowledgedAt"] as? String == "2025-11-04T11:10:00Z")

        let shown = try cli.ok(["handoff", "show", "1"])
        #expect(shown.contains("Acknowledged by bob at 2025-11-04 11:10 UTC (10m 00s after the handoff)."))
        let json =
            try JSONSerialization.jsonObject(with: Data(try cli.ok(["handoff", "show", "1", "--format", "json"]).utf8))
            as! [String: Any]
        let frozen = json["report"] as! [String: Any]
        #expect((frozen["incidents"] as! [[String: Any]]).map { $0["key"] as? String } == [open])

        let export = try JSONSerialization.jsonObject(with: Data(try cli.ok(["export", open]).utf8)) as! [String: Any]
        let timeline = export["timeline"] as! [[String: Any]]
        let handoffEntries = timeline.filter { $0["kind"] as? String == "handoff" }
        #expect(handoffEntries.map { $0["author"] as? String } == ["alice", "bob"])
        #expect((export["roles"] as! [String: Any])["commander"] as? String == "bob")
        #expect(try cli.ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func handoffRefusesBadArguments() throws {
        let cli = try CLIRunner()
        let blank = try cli.run(["handoff", "--to", " "])
        #expect(blank.status == 64)
        #expect(blank.stderr.contains("--to"))
        #expect(try cli.run(["handoff", "--to", "alice"]).status == 65)
        #expect(try cli.ok(["handoff", "list"]) == "No handoffs.")
    }

    @Test func postmortemToStdoutFileAndTemplate() throws {
        let cli = try CLIRunner()
        let key = try cli.ok([
            "declare", "Checkout | API 500s", "--severity", "P2", "--commander", "dana", "--at", "2025-11-04T10:00:00Z",
        ])
        _ = try cli.ok(["status", key, "mitigated", "--at", "2025-11-04T10:30:00Z"])
        _ = try cli.ok(["note", key, "Authorization: Bearer s3cr3tT0ken", "--at", "2025-11-04T10:10:00Z"])

        let markdown = try cli.run(["postmortem", key])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Postmortem \(key): Checkout | API 500s\n"))
        #expect(markdown.stdout.contains("| 10:10:00 | alice | Authorization: Bearer [REDACTED] |"))
        #expect(markdown.stdout.contains("| Time to resolve (TTR) | detected → resolved | not recorded |"))

        let file = cli.folder + "/draft.md"
        let written = try cli.ok(["postmortem", key, "-o", file])
        #expect(written == file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == markdown.stdout)

        let template = cli.folder + "/short.mustache"
        try "{{key}} took {{ttm}} to mitigate\n".write(toFile: template, atomically: true, encoding: .utf8)
        #expect(try cli.ok(["postmortem", key, "--template", template]) == "\(key) took 30m 00s to mitigate")

        let broken = cli.folder + "/broken.mustache"
        try "# {{title}}\n{{#actionItems}}\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let bad = try cli.run(["postmortem", key, "--template", broken])
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("\(broken):"))

        let missing = try cli.run(["postmortem", key, "--template", cli.folder + "/nope.mustache"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--template"))
        #expect(try cli.run(["postmortem", "INC-20990101-001"]).status == 66)
        #expect(try cli.run(["postmortem", key, "-o", cli.folder + "/no/such/dir/x.md"]).status == 74)

        let json =
            try JSONSerialization.jsonObject(with: Data(try cli.ok(["postmortem", key, "--format", "json"]).utf8))
            as! [String: Any]
        #expect(json["key"] as? String == key)
        #expect((json["metrics"] as! [[String: Any]])[2]["value"] as? String == "30m 00s")
    }

    @Test func configRedactPatternsAndTemplateApply() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "Ticket leak", "--severity", "P3", "--at", "2025-11-04T10:00:00Z"])
        _ = try cli.ok(["note", key, "see INTERNAL-123456 for context", "--at", "2025-11-04T10:05:00Z"])
        try FileManager.default.createDirectory(
            atPath: cli.folder + "/config/sitrep", withIntermediateDirectories: true)
        try "{{#timeline}}{{text}}\n{{/timeline}}".write(
            toFile: cli.folder + "/config/sitrep/mine.mustache", atomically: true, encoding: .utf8)
        try "redact:\n  - 'INTERNAL-[0-9]{6}'\npostmortem-template: mine.mustache\n".write(
            toFile: cli.folder + "/config/sitrep/config.yaml", atomically: true, encoding: .utf8)
        let output = try cli.ok(["postmortem", key])
        #expect(output.hasSuffix("see [REDACTED] for context"))
        try "redact:\n  - '[unclosed'\n".write(
            toFile: cli.folder + "/config/sitrep/config.yaml", atomically: true, encoding: .utf8)
        let bad = try cli.run(["postmortem", key])
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("config.yaml:2:"))
    }
}
