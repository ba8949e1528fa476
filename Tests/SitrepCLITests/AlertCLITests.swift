import Foundation
import Testing

/// `sitrep alert`: the same dedup key lands on the same incident, a repeat writes nothing, an
/// ok clears without touching the status, and a key firing after its incident closed opens a new
/// incident that names the old one. Runs on both backends.
@Suite struct AlertCLITests {
    @Test func dedupResolveAndRefireAfterClose() throws {
        let cli = try CLIRunner()
        let declared = try cli.ok([
            "alert", "Queue backlog", "--dedup", "q1", "--service", "jobs", "--severity", "warning",
        ])
        #expect(declared.hasPrefix("declared INC-"))
        let key = String(declared.dropFirst("declared ".count))
        #expect(try cli.ok(["alert", "Queue backlog", "--dedup", "q1"]) == "unchanged \(key)")
        let entries = try cli.ok(["show", key, "--json"])
        #expect(try cli.ok(["alert", "Queue backlog", "--dedup", "q1", "--state", "ok"]) == "updated \(key)")
        #expect(try cli.ok(["alert", "Queue backlog", "--dedup", "q1", "--state", "ok"]) == "unchanged \(key)")
        #expect(entries != (try cli.ok(["show", key, "--json"])))

        let shown = try cli.ok(["show", key])
        #expect(shown.contains("severity P3 · status detected"))
        #expect(
            shown.contains("webhook  [alert] Webhook: 1 firing: Queue backlog{service=\"jobs\", severity=\"warning\"}"))
        #expect(shown.contains("webhook  [alert] Webhook: 1 resolved: Queue backlog"))

        _ = try cli.ok(["status", key, "resolved"])
        _ = try cli.ok(["status", key, "closed"])
        let again = try cli.ok(["alert", "Queue backlog", "--dedup", "q1"])
        #expect(again.hasPrefix("declared INC-") && !again.hasSuffix(key))
        let newKey = String(again.dropFirst("declared ".count))
        #expect(try cli.ok(["show", newKey]).contains("(fired again after \(key) was closed)"))

        #expect(try cli.ok(["alert", "Never fired", "--state", "ok"]) == "ignored")
        let bad = try cli.run(["alert", "Queue backlog", "--state", "maybe"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("`state` must be alerting or ok"))
        let review = try cli.ok(["postmortem", key])
        #expect(review.contains("| webhook | Alert from Webhook: 1 firing: Queue backlog"))
        #expect(try cli.ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func secretsInAlertsAreRedactedInExports() throws {
        let cli = try CLIRunner()
        let declared = try cli.ok([
            "alert", "Login errors", "--message", "replay with password=hunter2",
            "--link", "https://grafana.internal/d/login?token=eyJhbGciOiJIUzI1NiJ9.payload.signature",
        ])
        let key = String(declared.dropFirst("declared ".count))
        let export = try cli.ok(["export", key])
        #expect(!export.contains("hunter2"))
        #expect(!export.contains("eyJhbGciOiJIUzI1NiJ9"))
        #expect(export.contains("[REDACTED]"))
        #expect(try cli.ok(["export", "--all"]).contains("hunter2"))
    }

    @Test func routesGiveServiceSeverityAndAttachTheRunbookWithoutRunningIt() throws {
        let cli = try CLIRunner()
        let runbook = cli.folder + "/disk.md"
        try "# Runbook: Disk filling\n\n```sh {name=marker}\ntouch \(cli.folder)/ran\n```\n".write(
            toFile: runbook, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            atPath: cli.folder + "/config/sitrep", withIntermediateDirectories: true)
        try """
        serve:
          routes:
            - key: team-db
              service: db
              severity: P1
              runbook: \(runbook)
        """.write(toFile: cli.folder + "/config/sitrep/config.yaml", atomically: true, encoding: .utf8)
        let key = String(try cli.ok(["alert", "Disk 95% on db-3", "--route", "team-db"]).dropFirst("declared ".count))
        let shown = try cli.ok(["show", key])
        #expect(shown.contains("severity P1"))
        #expect(shown.contains("Services: db"))
        #expect(shown.contains("Runbook attached by the alert route: Disk filling (\(runbook))"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/ran"))
    }

    @Test func aBadServeSectionNamesTheFileAndLine() throws {
        let cli = try CLIRunner()
        try FileManager.default.createDirectory(
            atPath: cli.folder + "/config/sitrep", withIntermediateDirectories: true)
        let config = cli.folder + "/config/sitrep/config.yaml"
        try "serve:\n  routes:\n    - key: a\n      severity: P7\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let result = try cli.run(["alert", "x"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("config.yaml:4"), "\(result.stderr)")
    }
}
