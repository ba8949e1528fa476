import Foundation
import Testing

@testable import IncidentCore

@Suite struct PostmortemTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Compares with a golden file; `SITREP_RECORD_GOLDEN=1` rewrites it instead (review the diff).
    static func assertGolden(_ text: String, _ name: String) throws {
        let url = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SITREP_RECORD_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "differs from \(name); rerun with SITREP_RECORD_GOLDEN=1 and review the diff")
    }

    @Test func realisticIncidentMatchesTheGoldenDraft() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let key = try ReplayedIncident.record(in: fixture)
        let markdown = try PostmortemDraft.render(key: key, from: fixture.store)
        try Self.assertGolden(markdown, "postmortem-checkout.md")
        try MarkdownChecks.tablesAreWellFormed(markdown)
        #expect(!markdown.contains("eyJhbGciOiJIUzI1NiJ9"))
        #expect(!markdown.contains("hunter2"))
    }

    @Test func sameDatabaseGivesTheSameBytes() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let key = try ReplayedIncident.record(in: fixture)
        let first = try PostmortemDraft.render(key: key, from: fixture.store)
        let reopened = try fixture.reopen()
        #expect(try PostmortemDraft.render(key: key, from: reopened) == first)
        let json = try PostmortemDraft.render(key: key, from: fixture.store, format: .json)
        #expect(try PostmortemDraft.render(key: key, from: reopened, format: .json) == json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object["key"] as? String == key)
        #expect((object["timeline"] as? [Any])?.count == (object["timeline"] as? [Any])?.count)
    }

    @Test func streamedReportEqualsTheOneBuiltFromDetail() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let key = try ReplayedIncident.record(in: fixture)
        let streamed = try PostmortemDraft.report(key: key, from: fixture.store, redactor: .standard)
        let built = PostmortemBuilder.build(try fixture.store.detail(key: key))
        #expect(streamed == built)
        #expect(streamed.timeline.first?.author == "pagerduty")
    }

    @Test func storedTimesParseLikeTheGeneralParser() {
        for text in [
            "2025-11-04 10:02:00.250", "2025-11-04 10:02:00", "2024-02-29 23:59:59.999", "1999-12-31 00:00:00.001",
        ] {
            var bytes = text
            let fast = bytes.withUTF8 { Timestamp.storedForm($0) }
            #expect(
                fast != nil && fast == Timestamp.parse(text.replacingOccurrences(of: " ", with: "T") + "Z"), "\(text)")
        }
        for bad in ["2025-02-30 10:00:00", "2025-11-04T10:02:00", "2025-11-04 24:00:00", "2025-11-04 10:02"] {
            var bytes = bad
            #expect(bytes.withUTF8 { Timestamp.storedForm($0) } == nil, "\(bad)")
        }
    }

    @Test func metricsComeFromMilestonesAndSayWhenMissing() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T12:00:00Z"))
        let incident = try fixture.store.declareIncident(
            IncidentDeclaration(
                title: "Slow search", severity: .p3, detectedAt: Timestamp.parseOrFail("2025-11-04T09:50:00Z")),
            by: fixture.at("2025-11-04T10:00:00Z"))
        _ = try fixture.store.changeStatus(
            key: incident.key, move: .to(.acknowledged), note: nil, by: fixture.at("2025-11-04T10:05:30Z"))
        var report = PostmortemBuilder.build(try fixture.store.detail(key: incident.key))
        #expect(report.metrics.map(\.abbreviation) == ["TTD", "TTA", "TTM", "TTR"])
        #expect(report.metrics.map(\.value) == ["10m 00s", "15m 30s", "not recorded", "not recorded"])
        #expect(report.metrics.map(\.seconds) == [600, 930, nil, nil])
        #expect(report.duration == "ongoing (not resolved)")

        _ = try fixture.store.changeStatus(
            key: incident.key, move: .to(.mitigated), note: nil, by: fixture.at("2025-11-04T10:40:00Z"))
        _ = try fixture.store.changeStatus(
            key: incident.key, move: .to(.resolved), note: nil, by: fixture.at("2025-11-04T11:50:00Z"))
        report = PostmortemBuilder.build(try fixture.store.detail(key: incident.key))
        #expect(report.metrics.map(\.value) == ["10m 00s", "15m 30s", "50m 00s", "2h 00m"])
        #expect(report.duration == "2h 00m")

        // A reopen clears the later milestones, so the review must not reuse the stale times.
        _ = try fixture.store.changeStatus(
            key: incident.key, move: .reopen, note: nil, by: fixture.at("2025-11-04T11:55:00Z"))
        report = PostmortemBuilder.build(try fixture.store.detail(key: incident.key))
        #expect(report.metrics.map(\.value) == ["10m 00s", "15m 30s", "not recorded", "not recorded"])
        let markdown = PostmortemTemplate.standard.render(report)
        #expect(markdown.contains("| Time to mitigate (TTM) | detected → mitigated | not recorded |"))
        #expect(markdown.contains("| resolved | not recorded |"))
    }

    @Test func timelineSpanningMidnightIsGroupedByDay() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-05T03:00:00Z"))
        let incident = try fixture.store.declareIncident(
            IncidentDeclaration(title: "Nightly batch stuck", severity: .p2), by: fixture.at("2025-11-04T23:30:00Z"))
        _ = try fixture.store.appendNote(
            key: incident.key, text: "Queue drained", kind: .note, by: fixture.at("2025-11-05T00:40:00Z"))
        // Logged late: belongs on the first day, before the note written earlier.
        _ = try fixture.store.appendNote(
            key: incident.key, text: "Batch started late", kind: .note, by: fixture.at("2025-11-04T23:45:00Z"))
        let markdown = try PostmortemDraft.render(key: incident.key, from: fixture.store)
        let first = try #require(markdown.range(of: "### 2025-11-04"))
        let late = try #require(markdown.range(of: "| 23:45:00 | alice | Batch started late |"))
        let second = try #require(markdown.range(of: "### 2025-11-05"))
        let drained = try #require(markdown.range(of: "| 00:40:00 | alice | Queue drained |"))
        #expect(first.lowerBound < late.lowerBound && late.lowerBound < second.lowerBound)
        #expect(second.lowerBound < drained.lowerBound)
        try MarkdownChecks.tablesAreWellFormed(markdown)
    }

    @Test func customTemplateSeesTheWholeIncident() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let key = try ReplayedIncident.record(in: fixture)
        let template = try PostmortemTemplate(
            text: """
                {{key}} <{{severity}}> & {{inline(title)}}
                TTR {{ttr}}; commander {{commander}}; services {{servicesText}}
                {{#summary}}{{.}}{{/summary}}{{^summary}}no summary{{/summary}}
                {{#actionItems}}
                - [{{#done}}x{{/done}}{{^done}} {{/done}}] {{title}} ({{#owner}}{{.}}{{/owner}}{{^owner}}unowned{{/owner}})
                {{/actionItems}}
                entries: {{count(timeline)}}
                {{#days}}
                day {{day}}: {{count(lines)}}
                {{/days}}
                root: {{cell(rootCause)}}
                {{#responders}}
                * {{name}}: {{rolesText}}
                {{/responders}}
                """, source: "custom.mustache")
        let detail = try fixture.store.detail(key: key)
        let output = try PostmortemDraft.render(detail, template: template)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "\(key) <P1> & Checkout API returning 500s")
        #expect(lines[1] == "TTR 1h 42m; commander erin; services checkout, payments")
        #expect(lines[2] == "Error rate on POST /checkout jumped to 18% after deploy 4512.")
        #expect(lines.contains("- [ ] Add a canary stage to checkout-api deploys (omar)"))
        #expect(lines.contains("- [x] Document the rollback in the checkout runbook (unowned)"))
        #expect(lines.contains("entries: \(detail.timeline.count)"))
        #expect(lines.contains("day 2025-11-04: \(detail.timeline.count)"))
        #expect(lines.contains { $0.hasPrefix("root: Deploy 4512 doubled the pool per pod \\| ") })
        #expect(lines.contains("* erin: incident commander"))
    }

    @Test func templateErrorsNameTheFileAndLine() throws {
        do {
            _ = try PostmortemTemplate(text: "# {{title}}\n\n{{#actionItems}}\n- {{title}}\n", source: "mine.mustache")
            Issue.record("an unclosed section was accepted")
        } catch let error as ConfigError {
            #expect(error.file == "mine.mustache")
            #expect(error.line != nil && error.line! >= 3)
            #expect(error.description.contains("never closed"))
        }
        do {
            _ = try PostmortemTemplate(text: "line one\n{{#a}}x{{/b}}\n", source: "two.mustache")
            Issue.record("a mismatched section was accepted")
        } catch let error as ConfigError {
            #expect(error.line == 2)
        }
        #expect(throws: ConfigError.self) { try PostmortemTemplate.load(path: "/nonexistent/template.mustache") }
    }

    @Test func shippedTemplatesParseAndTheDefaultIsEmbeddedVerbatim() throws {
        let folder = Self.repository.appendingPathComponent("Templates")
        let standard = try String(contentsOf: folder.appendingPathComponent("postmortem.mustache"), encoding: .utf8)
        #expect(standard == PostmortemTemplate.standardText)
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let key = try ReplayedIncident.record(in: fixture)
        let sre = try PostmortemTemplate.load(path: folder.appendingPathComponent("postmortem-sre-book.mustache").path)
        let output = try PostmortemDraft.render(key: key, from: fixture.store, template: sre)
        #expect(output.hasPrefix("# Checkout API returning 500s (\(key))\n"))
        #expect(output.contains("## Action Items"))
        #expect(output.contains("**Detection:** first noticed 2025-11-04T09:58:00Z"))
        #expect(!output.contains("eyJhbGciOiJIUzI1NiJ9"))
        #expect(output.contains("## Timeline\n\n```mermaid\ngantt\n"), "the SRE-book layout shows the diagram too")
        try MarkdownChecks.tablesAreWellFormed(output)
    }

    @Test func recordedTextCannotBreakTheLayout() {
        #expect(MarkdownText.cell("a | b") == "a \\| b")
        #expect(MarkdownText.cell("`x | y`") == "`x \\| y`")
        #expect(MarkdownText.cell("line one\n\nline two  ") == "line one<br>line two")
        #expect(MarkdownText.cell("") == " ")
        #expect(
            MarkdownText.block("# not a heading\n```\nunclosed\n---") == "\\# not a heading\n\\```\nunclosed\n\\---")
        #expect(MarkdownText.block("- a list\n- stays") == "- a list\n- stays")
        #expect(TimelineSentence.code("echo `date`") == "`` echo `date` ``")
        #expect(TimelineSentence.code("`x`") == "`` `x` ``")
        #expect(TimelineSentence.code("a\nb") == "`a ↵ b`")
    }
}
