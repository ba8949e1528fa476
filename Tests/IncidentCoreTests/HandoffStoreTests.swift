import Foundation
import GRDB
import Testing

@testable import IncidentCore

@Suite struct HandoffStoreTests {
    @Test func handoffFreezesWhatIsOpenAndNotesItInOpenTimelines() throws {
        // Given two open incidents, a resolved one, open action items, checks and a running runbook
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T12:00:00Z"))
        let store = fixture.store
        let worse = try store.declareIncident(
            IncidentDeclaration(title: "Checkout down", severity: .p0, commander: "dana"),
            by: fixture.at("2025-11-04T09:00:00Z"))
        let milder = try store.declareIncident(
            IncidentDeclaration(title: "Search slow", severity: .p3), by: fixture.at("2025-11-04T08:00:00Z"))
        let done = try store.declareIncident(
            IncidentDeclaration(title: "Old one", severity: .p1), by: fixture.at("2025-11-04T07:00:00Z"))
        _ = try store.changeStatus(
            key: done.key, move: .to(.resolved), note: nil, by: fixture.at("2025-11-04T07:30:00Z"))
        for (index, time) in ["09:10", "09:20", "09:30", "09:40"].enumerated() {
            _ = try store.appendNote(
                key: worse.key, text: "update \(index + 1)", kind: .note, by: fixture.at("2025-11-04T\(time):00Z"))
        }
        _ = try store.addActionItem(
            key: done.key, draft: ActionItemDraft(title: "Later", owner: "omar", dueDate: "2025-12-01"),
            by: fixture.alice)
        _ = try store.addActionItem(
            key: worse.key, draft: ActionItemDraft(title: "Overdue one", owner: "lee", dueDate: "2025-11-01"),
            by: fixture.alice)
        let samples = [
            ("api", "09:00", true), ("api", "09:05", false), ("api", "09:06", false), ("db", "09:05", false),
            ("db", "09:06", true), ("dns", "09:07", false),
        ].map { check, time, up in
            HealthRecord(
                sample: HealthSample(
                    check: check, sampledAt: Timestamp.parseOrFail("2025-11-04T\(time):00Z"), isUp: up,
                    latencyMilliseconds: 120, conditionResults: [], error: up ? nil : "connection refused"),
                trimsHistory: false)
        }
        try store.recordHealthSamples(samples, retention: HealthRetention())
        // Runs on the resolved incident, so the open ones' recent entries stay the notes.
        fixture.clock.set("2025-11-04T09:30:00Z")
        let failover = RunbookParser.parse("# Runbook: DB failover\n\n```sh\necho up\n```\n", path: "runbooks/db.md")
        _ = try store.startRunbookRun(key: done.key, runbook: failover, variables: [:], by: fixture.alice)
        fixture.clock.set("2025-11-04T09:31:00Z")
        let old = RunbookParser.parse("# Runbook: Old\n\n```sh\necho old\n```\n", path: "runbooks/old.md")
        let oldRun = try store.startRunbookRun(key: done.key, runbook: old, variables: [:], by: fixture.alice)
        _ = try store.finishRunbookRun(runId: oldRun.id!, state: .completed, by: fixture.alice)
        fixture.clock.set("2025-11-04T12:00:00Z")

        // When dana hands over to bob with command at 10:00
        let handoff = try store.createHandoff(
            HandoffRequest(to: "bob", notes: "  Watch the DB.  ", transfersCommand: true),
            by: fixture.at("2025-11-04T10:00:00Z", by: "dana"))

        // Then the report holds exactly what was open, in the expected order
        let report = handoff.report
        #expect(handoff.notes == "Watch the DB.")
        #expect(report.incidents.map(\.key) == [worse.key, milder.key])
        #expect(report.incidents[0].commander == "dana")
        #expect(report.incidents[0].recentEntries.map(\.text) == ["update 2", "update 3", "update 4"])
        #expect(report.incidents[0].lastUpdateAt == Timestamp.parseOrFail("2025-11-04T09:40:00Z"))
        #expect(report.actionItems.map(\.title) == ["Overdue one", "Later"])
        #expect(report.actionItems.map(\.overdue) == [true, false])
        #expect(report.failingChecks.map(\.check) == ["api", "dns"])
        #expect(report.failingChecks[0].downSince == Timestamp.parseOrFail("2025-11-04T09:05:00Z"))
        #expect(report.runbookRuns.map(\.title) == ["DB failover"])
        #expect(try store.handoff(id: handoff.id) == handoff)
        #expect(try store.pendingHandoff() == handoff)

        // And each open incident's timeline says so; command moved to bob as a role change
        let worseDetail = try store.detail(key: worse.key)
        let kinds = worseDetail.timeline.suffix(2).map(\.kind)
        #expect(kinds == [.handoff, .role])
        #expect(
            worseDetail.timeline.suffix(2).first?.text == "Shift handed over from dana to bob (handoff #1) with command"
        )
        #expect(worseDetail.holder(of: .commander) == "bob")
        #expect(try store.detail(key: milder.key).holder(of: .commander) == "bob")
        #expect(try store.detail(key: done.key).timeline.allSatisfy { $0.kind != .handoff })
        #expect(try store.verifyChains(key: nil).holds)

        let markdown = HandoffMarkdown.render(handoff)
        #expect(markdown.contains("**2025-11-01 overdue**"))
        #expect(markdown.contains("| api | 2025-11-04 09:05 | 55m 00s |"))
        #expect(markdown.contains("DB failover (runbooks/db.md)"))
        try MarkdownChecks.tablesAreWellFormed(markdown)
    }

    @Test func acknowledgementIsRecordedOnceBySomeoneElse() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T12:00:00Z"))
        let store = fixture.store
        let incident = try store.declareIncident(
            IncidentDeclaration(title: "Checkout API returning 500s", severity: .p1),
            by: fixture.at("2025-11-04T10:00:00Z"))
        let handoff = try store.createHandoff(
            HandoffRequest(to: "bob"), by: fixture.at("2025-11-04T11:00:00Z", by: "alice"))
        let before = try fixture.entryCount()

        #expect(throws: StoreError.self) { try store.acknowledgeHandoff(id: nil, by: fixture.alice) }
        #expect(
            throws: StoreError.refused(
                "the acknowledgement at 2025-11-04T10:59:00Z is before handoff #1 at 2025-11-04T11:00:00Z; nothing was written"
            )
        ) { try store.acknowledgeHandoff(id: nil, by: fixture.at("2025-11-04T10:59:00Z", by: "bob")) }
        #expect(try fixture.entryCount() == before)

        let acknowledged = try store.acknowledgeHandoff(id: nil, by: fixture.at("2025-11-04T11:05:00Z", by: "bob"))
        #expect(acknowledged.acknowledgedBy == "bob")
        #expect(acknowledged.acknowledgedAt == Timestamp.parseOrFail("2025-11-04T11:05:00Z"))
        #expect(try store.pendingHandoff() == nil)
        #expect(try store.handoffs(limit: nil) == [acknowledged])
        let last = try #require(try store.detail(key: incident.key).timeline.last)
        #expect(last.kind == .handoff && last.author == "bob")
        #expect(last.text == "bob acknowledged handoff #\(handoff.id) from alice")

        #expect(throws: StoreError.notFound("no handoff is waiting to be acknowledged")) {
            try store.acknowledgeHandoff(id: nil, by: Attribution(author: "bob"))
        }
        #expect(throws: StoreError.self) {
            try store.acknowledgeHandoff(id: handoff.id, by: Attribution(author: "bob"))
        }
        #expect(throws: StoreError.notFound("no handoff #9")) { try store.acknowledgeHandoff(id: 9, by: fixture.alice) }
    }

    @Test func badRequestsWriteNothing() throws {
        let fixture = try StoreFixture()
        _ = try fixture.declare()
        let before = try fixture.entryCount()
        #expect(throws: StoreError.self) { try fixture.store.createHandoff(HandoffRequest(to: " "), by: fixture.alice) }
        #expect(throws: StoreError.self) {
            try fixture.store.createHandoff(HandoffRequest(to: "alice"), by: fixture.alice)
        }
        #expect(try fixture.entryCount() == before)
        #expect(try fixture.store.handoffs(limit: nil).isEmpty)
        #expect(try fixture.store.pendingHandoff() == nil)
    }

    @Test func handoffWithNothingOpenStillRecordsTheShiftChange() throws {
        let fixture = try StoreFixture()
        let handoff = try fixture.store.createHandoff(
            HandoffRequest(to: "bob", notes: "Quiet night."), by: fixture.alice)
        #expect(handoff.report.incidents.isEmpty)
        let markdown = HandoffMarkdown.render(handoff)
        #expect(markdown.contains("_No open incidents._"))
        #expect(markdown.contains("Quiet night."))
        let preview = try fixture.store.previewHandoff(HandoffRequest(to: "carol"), from: "bob", at: fixture.clock.now)
        #expect(preview.to == "carol" && preview.incidents.isEmpty)
    }
}
