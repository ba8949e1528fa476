import Foundation
import Testing

@testable import IncidentCore

@Suite struct LifecycleTests {
    @Test func forwardMovesStampMilestones() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        fixture.clock.advance(minutes: 60)
        for (status, time) in [
            (IncidentStatus.acknowledged, "2025-11-04T10:05:00Z"), (.investigating, "2025-11-04T10:07:00Z"),
            (.mitigated, "2025-11-04T10:31:00+00:00"), (.resolved, "2025-11-04T12:50:00+02:00"),
            (.closed, "2025-11-04T11:00:00Z"),
        ] {
            _ = try fixture.store.changeStatus(key: key, move: .to(status), note: nil, by: fixture.at(time))
        }
        let incident = try fixture.store.incident(key: key)
        #expect(incident.status == .closed)
        #expect(incident.acknowledgedAt == Timestamp.parseOrFail("2025-11-04T10:05:00Z"))
        #expect(incident.mitigatedAt == Timestamp.parseOrFail("2025-11-04T10:31:00Z"))
        #expect(incident.resolvedAt == Timestamp.parseOrFail("2025-11-04T10:50:00Z"))
        #expect(incident.closedAt == Timestamp.parseOrFail("2025-11-04T11:00:00Z"))
        let statusEntries = try fixture.store.detail(key: key).timeline.filter { $0.kind == .status }
        #expect(statusEntries.last?.text == "Status resolved → closed")
        #expect(statusEntries.last?.detailValues == ["from": "resolved", "to": "closed"])
    }

    /// Each writer saves its own change and the entry moves the chain head: what a writer returns
    /// is exactly what a fresh read finds, and the chain still holds.
    @Test func everyWriterReturnsWhatIsStored() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        let store = fixture.store
        var returned: [Incident] = [
            try store.changeStatus(key: key, move: .to(.acknowledged), note: nil, by: fixture.alice),
            try store.changeSeverity(key: key, to: .p0, note: "all regions", by: fixture.alice),
            try store.updateField(key: key, field: .summary, value: "Checkout down", by: fixture.alice),
            try store.changeStatus(key: key, move: .to(.resolved), note: nil, by: fixture.alice),
            try store.changeStatus(key: key, move: .reopen, note: "back again", by: fixture.alice),
        ]
        returned.append(try store.incident(key: key))
        for (index, incident) in returned.enumerated().dropLast() {
            #expect(incident.timelineCount == 2 + index)
        }
        let stored = try store.incident(key: key)
        #expect(returned[returned.count - 2] == stored)
        #expect(stored.severity == .p0 && stored.summary == "Checkout down" && stored.status == .investigating)
        #expect(stored.resolvedAt == nil && stored.acknowledgedAt != nil)
        #expect(try store.verifyChains(key: key).holds)
    }

    @Test func skippingForwardIsAllowedAndDoesNotInventMilestones() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        let incident = try fixture.store.changeStatus(
            key: key, move: .to(.mitigated), note: "rolled back", by: fixture.alice)
        #expect(incident.status == .mitigated)
        #expect(incident.acknowledgedAt == nil)
        #expect(incident.mitigatedAt == fixture.clock.now)
        let last = try fixture.store.detail(key: key).timeline.last!
        #expect(last.text == "Status detected → mitigated: rolled back")
        #expect(last.detailValues["note"] == "rolled back")
    }

    @Test func refusedMovesWriteNothing() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        _ = try fixture.store.changeStatus(key: key, move: .to(.investigating), note: nil, by: fixture.alice)
        let before = try fixture.entryCount()
        let refusals: [(StatusMove, Attribution)] = [
            (.to(.closed), fixture.alice),  // never resolved
            (.to(.acknowledged), fixture.alice),  // backwards
            (.to(.investigating), fixture.alice),  // already there
            (.reopen, fixture.alice),  // nothing to reopen
            (.to(.mitigated), fixture.at("2025-11-04T09:59:00Z")),  // before the declaration
        ]
        for (move, attribution) in refusals {
            #expect(throws: StoreError.self) {
                try fixture.store.changeStatus(key: key, move: move, note: nil, by: attribution)
            }
        }
        #expect(try fixture.entryCount() == before)
        #expect(try fixture.store.incident(key: key).status == .investigating)
        #expect(try fixture.store.incident(key: key).mitigatedAt == nil)
    }

    @Test func closingUnresolvedExplainsWhy() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        #expect(
            throws: StoreError.refused(
                "\(key) cannot be closed: it was never resolved (it is detected); resolve it first; nothing was written"
            )
        ) {
            try fixture.store.changeStatus(key: key, move: .to(.closed), note: nil, by: fixture.alice)
        }
    }

    @Test func milestoneBeforeAnEarlierMilestoneIsRefused() throws {
        let fixture = try StoreFixture()
        fixture.clock.advance(minutes: 120)
        let key = try fixture.store.declareIncident(
            IncidentDeclaration(title: "x", severity: .p2), by: fixture.at("2025-11-04T10:00:00Z")
        ).key
        _ = try fixture.store.changeStatus(
            key: key, move: .to(.mitigated), note: nil, by: fixture.at("2025-11-04T10:30:00Z"))
        #expect(throws: StoreError.self) {
            try fixture.store.changeStatus(
                key: key, move: .to(.resolved), note: nil, by: fixture.at("2025-11-04T10:20:00Z"))
        }
    }

    @Test func reopenGoesBackToInvestigatingAndClearsLaterMilestones() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        _ = try fixture.store.changeStatus(key: key, move: .to(.acknowledged), note: nil, by: fixture.alice)
        _ = try fixture.store.changeStatus(key: key, move: .to(.resolved), note: nil, by: fixture.alice)
        fixture.clock.advance(minutes: 10)
        let reopened = try fixture.store.changeStatus(
            key: key, move: .reopen, note: "errors are back", by: fixture.alice)
        #expect(reopened.status == .investigating)
        #expect(reopened.resolvedAt == nil)
        #expect(reopened.acknowledgedAt != nil)
        let last = try fixture.store.detail(key: key).timeline.last!
        #expect(last.text == "Reopened: status resolved → investigating: errors are back")
        fixture.clock.advance(minutes: 10)
        let resolved = try fixture.store.changeStatus(key: key, move: .to(.resolved), note: nil, by: fixture.alice)
        #expect(resolved.resolvedAt == fixture.clock.now)
    }

    @Test func severityChangesRecordOldAndNew() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare(severity: .p2).key
        _ = try fixture.store.changeSeverity(key: key, to: .p0, note: "all regions", by: fixture.alice)
        let entry = try fixture.store.detail(key: key).timeline.last!
        #expect(entry.kind == .severity)
        #expect(entry.text == "Severity P2 → P0: all regions")
        #expect(entry.detailValues == ["from": "P2", "to": "P0", "note": "all regions"])
        #expect(throws: StoreError.self) {
            try fixture.store.changeSeverity(key: key, to: .p0, note: nil, by: fixture.alice)
        }
    }

    @Test func backdatedEntriesKeepBothTimes() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        fixture.clock.advance(minutes: 30)
        let entry = try fixture.store.appendNote(
            key: key, text: "first page at 09:58", kind: .note, by: fixture.at("2025-11-04T10:58:00+01:00"))
        #expect(entry.eventAt == Timestamp.parseOrFail("2025-11-04T09:58:00Z"))
        #expect(entry.recordedAt == fixture.clock.now)
    }
}
