import Foundation
import Testing

@testable import IncidentCore

@Suite struct RoleAndActionTests {
    @Test func newCommanderReplacesTheOldOneOnTheTimeline() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        _ = try fixture.store.assignRole(key: key, role: .commander, person: "alice", by: fixture.alice)
        fixture.clock.advance(minutes: 5)
        _ = try fixture.store.assignRole(key: key, role: .commander, person: "bob", by: fixture.alice)
        let detail = try fixture.store.detail(key: key)
        #expect(detail.holder(of: .commander) == "bob")
        #expect(detail.roles.first { $0.person == "alice" }?.endedAt == fixture.clock.now)
        let entry = detail.timeline.last!
        #expect(entry.text == "Incident commander alice → bob")
        #expect(entry.detailValues == ["role": "commander", "from": "alice", "to": "bob"])
        #expect(throws: StoreError.self) {
            try fixture.store.assignRole(key: key, role: .commander, person: "bob", by: fixture.alice)
        }
    }

    @Test func respondersAccumulateAndCanStandDown() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        _ = try fixture.store.assignRole(key: key, role: .responder, person: "carol", by: fixture.alice)
        _ = try fixture.store.assignRole(key: key, role: .responder, person: "dmitri", by: fixture.alice)
        try fixture.store.releaseRole(key: key, role: .responder, person: "carol", by: fixture.alice)
        let detail = try fixture.store.detail(key: key)
        #expect(detail.currentRoles.map(\.person) == ["dmitri"])
        #expect(detail.timeline.last?.text == "Responder carol stood down")
        #expect(throws: StoreError.self) {
            try fixture.store.releaseRole(key: key, role: .responder, person: "carol", by: fixture.alice)
        }
    }

    @Test func actionItemsAddListAndComplete() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        let later = try fixture.store.addActionItem(
            key: key, draft: ActionItemDraft(title: "Write postmortem", dueDate: "2025-11-20", priority: .low),
            by: fixture.alice)
        let urgent = try fixture.store.addActionItem(
            key: key,
            draft: ActionItemDraft(
                title: "Add canary stage", owner: "dmitri", dueDate: "2025-11-10", priority: .high, category: .prevent),
            by: fixture.alice)
        #expect(try fixture.store.actionItems(key: nil, includeDone: false).map(\.item.id) == [urgent.id, later.id])
        let done = try fixture.store.completeActionItem(id: urgent.id!, by: Attribution(author: "dmitri"))
        #expect(done.state == .done)
        #expect(done.completedBy == "dmitri")
        #expect(try fixture.store.actionItems(key: key, includeDone: false).map(\.item.id) == [later.id])
        #expect(try fixture.store.actionItems(key: key, includeDone: true).count == 2)
        let texts = try fixture.store.detail(key: key).timeline.suffix(3).map(\.text)
        #expect(
            texts[1]
                == "Action item #\(urgent.id!) added: Add canary stage (owner dmitri, due 2025-11-10, high, prevent)")
        #expect(texts[2] == "Action item #\(urgent.id!) done: Add canary stage")
        #expect(throws: StoreError.self) { try fixture.store.completeActionItem(id: urgent.id!, by: fixture.alice) }
        #expect(throws: StoreError.notFound("no action item #999")) {
            try fixture.store.completeActionItem(id: 999, by: fixture.alice)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.addActionItem(
                key: key, draft: ActionItemDraft(title: "x", dueDate: "2025-02-30"), by: fixture.alice)
        }
    }

    @Test func fieldEditsKeepOldAndNewText() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        _ = try fixture.store.updateField(key: key, field: .rootCause, value: "Config push", by: fixture.alice)
        let incident = try fixture.store.updateField(
            key: key, field: .rootCause, value: "Bad config push to the pool size", by: fixture.alice)
        #expect(incident.rootCause == "Bad config push to the pool size")
        let entry = try fixture.store.detail(key: key).timeline.last!
        #expect(entry.text == "Root cause: Bad config push to the pool size")
        #expect(entry.detailValues["from"] == "Config push")
        #expect(throws: StoreError.self) {
            try fixture.store.updateField(key: key, field: .title, value: " ", by: fixture.alice)
        }
    }
}
