import Foundation
import Testing

@testable import IncidentCore

@Suite struct PostmortemDiagramTests {
    @Test func diagramIsOffOnRequestAndInTheTemplateContext() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let key = try ReplayedIncident.record(in: fixture)
        let without = try PostmortemDraft.render(key: key, from: fixture.store, diagram: false)
        #expect(!without.contains("mermaid"))
        #expect(without.contains("| Time to resolve (TTR) | detected → resolved | 1h 42m |\n\n## Timeline"))
        let json = try PostmortemDraft.render(key: key, from: fixture.store, format: .json, diagram: false)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object["diagram"] is NSNull)

        let template = try PostmortemTemplate(
            text: "{{#hasDiagram}}[{{{diagram}}}]{{/hasDiagram}}{{^hasDiagram}}none{{/hasDiagram}}\n", source: "test")
        let custom = try PostmortemDraft.render(key: key, from: fixture.store, template: template)
        #expect(custom.hasPrefix("[gantt\n    title \(key) Checkout API returning 500s (UTC)"))
        #expect(
            try PostmortemDraft.render(key: key, from: fixture.store, template: template, diagram: false) == "none\n")
    }

    @Test func onlyRecordedMilestonesAndCleanText() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let incident = try fixture.store.declareIncident(
            IncidentDeclaration(title: "DB: slow; see #42 at 100%", severity: .p2),
            by: Attribution(author: "dana", eventTime: Timestamp.parse("2025-11-04T10:00:00Z")))
        _ = try fixture.store.appendNote(
            key: incident.key, text: "Fail over: now\nthen page", kind: .decision,
            by: Attribution(author: "dana", eventTime: Timestamp.parse("2025-11-04T10:10:00Z")))
        let diagram = try #require(try PostmortemDraft.report(key: incident.key, from: fixture.store).diagram)
        #expect(diagram.contains("title \(incident.key) DB∶ slow, see ＃42 at 100％ (UTC)"))
        #expect(!diagram.contains("section Response"))
        #expect(!diagram.contains("Mitigated"))
        #expect(diagram.contains("    Detected : milestone, detected, 2025-11-04 10:00:00, 0m"))
        #expect(diagram.hasSuffix("    Fail over∶ now then page : milestone, decision1, 2025-11-04 10:10:00, 0m"))
    }
}
