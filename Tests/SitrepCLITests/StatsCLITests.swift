import Foundation
import Testing

@Suite struct StatsCLITests {
    static let asOf = "2025-02-01T00:00:00Z"
    static let range = ["--since", "2025-01-01", "--until", "2025-01-31", "--as-of", asOf]

    /// Three January incidents (one reopened, one never mitigated), a drill, and one from 2024.
    func seed(_ cli: CLIRunner) throws -> (checkout: String, db: String, search: String) {
        let checkout = try cli.ok([
            "declare", "Checkout 500s", "--severity", "P1", "--service", "checkout", "--at", "2025-01-06T10:00:00Z",
        ])
        _ = try cli.ok(["status", checkout, "acknowledged", "--at", "2025-01-06T10:05:00Z"])
        _ = try cli.ok(["status", checkout, "mitigated", "--at", "2025-01-06T10:30:00Z"])
        _ = try cli.ok(["status", checkout, "resolved", "--at", "2025-01-06T11:00:00Z"])
        _ = try cli.ok(["status", checkout, "reopened", "--at", "2025-01-06T12:00:00Z"])
        _ = try cli.ok(["status", checkout, "mitigated", "--at", "2025-01-06T12:20:00Z"])
        let db = try cli.ok([
            "declare", "DB slow", "--severity", "P2", "--service", "db", "--at", "2025-01-15T10:00:00Z",
        ])
        _ = try cli.ok(["status", db, "mitigated", "--at", "2025-01-15T12:00:00Z"])
        _ = try cli.ok(["action", "add", db, "Add index", "--owner", "omar", "--due", "2025-01-20"])
        _ = try cli.ok(["action", "add", db, "Tune pool", "--owner", "omar", "--due", "2025-03-01"])
        _ = try cli.ok(["action", "add", checkout, "Canary stage"])
        let search = try cli.ok([
            "declare", "Search stale", "--severity", "P1", "--service", "search", "--service", "db", "--at",
            "2025-01-16T09:00:00Z",
        ])
        _ = try cli.ok(["status", search, "acknowledged", "--at", "2025-01-16T09:02:00Z"])
        _ = try cli.ok(["declare", "Game day", "--severity", "P0", "--drill", "--at", "2025-01-20T10:00:00Z"])
        _ = try cli.ok(["declare", "Last year", "--severity", "P3", "--service", "old", "--at", "2024-12-01T10:00:00Z"])
        let runbook = cli.folder + "/check.md"
        try "# Runbook: Check\n\n```sh {name=ok risk=low}\necho ok\n```\n".write(
            toFile: runbook, atomically: true, encoding: .utf8)
        _ = try cli.ok(["runbook", "run", runbook, "--incident", db, "--yes"])
        let failing = cli.folder + "/fail.md"
        try "# Runbook: Fail\n\n```sh {name=boom risk=low}\nexit 3\n```\n".write(
            toFile: failing, atomically: true, encoding: .utf8)
        _ = try cli.run(["runbook", "run", failing, "--incident", search, "--yes"])
        return (checkout, db, search)
    }

    func json(_ cli: CLIRunner, _ arguments: [String]) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(try cli.ok(["stats", "--json"] + arguments).utf8))
            as! [String: Any]
    }

    func metric(_ stats: [String: Any], _ name: String) -> [String: Any] {
        (stats["metrics"] as! [[String: Any]]).first { $0["abbreviation"] as? String == name }!
    }

    @Test func figuresFromRecordedMilestonesOnly() throws {
        let cli = try CLIRunner()
        _ = try seed(cli)
        let stats = try json(cli, Self.range)
        #expect(stats["incidents"] as? Int == 3)
        #expect(stats["drillsLeftOut"] as? Int == 1)
        #expect(stats["reopened"] as? Int == 1)
        #expect(stats["reopenRate"] as? Double == 0.3333)
        let ttm = metric(stats, "TTM")
        // Checkout's TTM is 2h 20m (its second mitigation, after the reopen), DB's 2h; search never mitigated.
        #expect(ttm["n"] as? Int == 2)
        #expect(ttm["medianSeconds"] as? Int == 7200)
        #expect(ttm["p90Seconds"] as? Int == 8400)
        #expect(ttm["maxSeconds"] as? Int == 8400)
        let tta = metric(stats, "TTA")
        #expect(tta["n"] as? Int == 2)
        #expect(tta["medianSeconds"] as? Int == 120)
        #expect(tta["maxSeconds"] as? Int == 300)
        let ttr = metric(stats, "TTR")
        #expect(ttr["n"] as? Int == 0)
        #expect(ttr["medianSeconds"] is NSNull)
        let items = stats["actionItems"] as! [String: Any]
        #expect(items["open"] as? Int == 3)
        #expect(items["overdue"] as? Int == 1)
        let owners = items["byOwner"] as! [[String: Any]]
        #expect(owners.map { $0["owner"] as? String } == ["omar", nil])
        #expect(owners.map { $0["overdue"] as? Int } == [1, 0])
        let steps = stats["runbookSteps"] as! [String: Any]
        #expect(steps["ran"] as? Int == 1)
        #expect(steps["failed"] as? Int == 1)
        let weeks = (stats["incidentsPerPeriod"] as! [[String: Any]]).map { "\($0["key"]!)=\($0["incidents"]!)" }
        #expect(weeks == ["2024-12-30=0", "2025-01-06=1", "2025-01-13=2", "2025-01-20=0", "2025-01-27=0"])
        #expect(stats["since"] as? String == "2025-01-01T00:00:00Z")
        #expect(stats["until"] as? String == "2025-02-01T00:00:00Z")

        let drills = try json(cli, Self.range + ["--drills"])
        #expect(drills["incidents"] as? Int == 4)
        #expect((drills["bySeverity"] as! [[String: Any]]).first?["incidents"] as? Int == 1)
    }

    @Test func filtersAndGroups() throws {
        let cli = try CLIRunner()
        _ = try seed(cli)
        let db = try json(cli, Self.range + ["--service", "db", "--by", "service"])
        #expect(db["incidents"] as? Int == 2)
        let groups = (db["groups"] as! [[String: Any]]).map { "\($0["key"]!)=\($0["incidents"]!)" }
        #expect(groups == ["db=2", "search=1"])
        let p1 = try json(cli, Self.range + ["--severity", "P1", "--by", "severity"])
        #expect(p1["incidents"] as? Int == 2)
        #expect((p1["groups"] as! [[String: Any]]).map { $0["incidents"] as? Int } == [0, 2, 0, 0])
        let months = try json(cli, ["--since", "2024-12-01", "--until", "2025-01-31", "--by", "month"])
        #expect((months["groups"] as! [[String: Any]]).map { $0["key"] as? String } == ["2024-12", "2025-01"])
        #expect((months["groups"] as! [[String: Any]]).map { $0["incidents"] as? Int } == [1, 3])

        let csv = try cli.ok(["stats", "--csv", "--by", "severity"] + Self.range).split(separator: "\n")
        #expect(csv.first?.hasPrefix("severity,incidents,reopened,ttd_n,ttd_median_seconds,") == true)
        #expect(csv.contains("P1,2,1,2,0,0,0,2,120,300,300,1,8400,8400,8400,0,,,"))
        #expect(csv.last?.hasPrefix("all,3,1,") == true)

        let text = try cli.ok(["stats"] + Self.range)
        #expect(text.contains("3 incidents (P1 2, P2 1); 1 drill left out (--drills)"))
        #expect(text.contains("Reopened: 1 of 3 (33.3%)"))
        #expect(text.contains("TTM     2  2h 00m  2h 20m  2h 20m  detected → mitigated"))
        #expect(text.contains("Open action items: 3, 1 overdue"))
        #expect(text.contains("Runbook steps: 1 ran, 1 failed, 0 skipped, 0 other"))
    }

    @Test func chartsFitTheWidth() throws {
        let cli = try CLIRunner()
        _ = try seed(cli)
        for width in [60, 100] {
            let text = try cli.ok(["stats", "--chart", "--width", String(width)] + Self.range)
            let chart = text.components(separatedBy: "Incidents per week\n")[1].split(separator: "\n")
            #expect(chart.allSatisfy { $0.count <= width }, "\(chart)")
            let full = chart.first { $0.hasPrefix("2025-01-13") }!
            let half = chart.first { $0.hasPrefix("2025-01-06") }!
            // The busiest week fills the bar width; a week with half as many has half the bar.
            #expect(full == "2025-01-13 │" + String(repeating: "█", count: width - 14) + " 2")
            #expect(half.filter { $0 == "█" }.count == (width - 14) / 2)
            let strip = chart.first { $0.hasPrefix("P1 ") }!
            #expect(strip.hasSuffix("median 2h 20m · p90 2h 20m · max 2h 20m · n 1"))
            #expect(chart.contains { $0.hasPrefix("P0 ·") && $0.hasSuffix("not recorded · n 0") })
        }
    }

    @Test func badInputIsRefusedAndEmptyIsSaid() throws {
        let cli = try CLIRunner()
        _ = try seed(cli)
        let badDate = try cli.run(["stats", "--since", "2025-13-01"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--since 2025-13-01"))
        let badUntil = try cli.run(["stats", "--until", "soon"])
        #expect(badUntil.status == 64)
        #expect(badUntil.stderr.contains("--until soon"))
        let backwards = try cli.run(["stats", "--since", "2025-03-01", "--until", "2025-01-31"])
        #expect(backwards.status == 64)
        #expect(backwards.stderr.contains("is empty"))
        let unknown = try cli.run(["stats", "--service", "checkuot"] + Self.range)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("--service checkuot: no incident is on that service (known: checkout, db"))
        #expect(try cli.run(["stats", "--severity", "P9"]).status == 64)
        #expect(try cli.run(["stats", "--json", "--csv"]).status == 64)

        let empty = try cli.ok(["stats", "--chart", "--since", "2023-01-01", "--until", "2023-03-31"])
        #expect(empty == "no incidents in 2023-01-01 – 2023-03-31")
        let quiet = try cli.ok(["stats", "--service", "old"] + Self.range)
        #expect(quiet == "no incidents in 2025-01-01 – 2025-01-31, service old")
        let emptyJSON = try json(cli, ["--since", "2023-01-01", "--until", "2023-03-31"])
        #expect(emptyJSON["incidents"] as? Int == 0)
        #expect(emptyJSON["reopenRate"] is NSNull)
        #expect(metric(emptyJSON, "TTM")["n"] as? Int == 0)
        let emptyCSV = try cli.ok(["stats", "--csv", "--since", "2023-01-01", "--until", "2023-01-02"])
        #expect(!emptyCSV.contains("nan") && !emptyCSV.contains("NaN"))
    }
}
