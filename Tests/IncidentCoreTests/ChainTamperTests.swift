import Foundation
import GRDB
import Testing

@testable import IncidentCore

@Suite(.enabled(if: TestBackend.isSQLite, "tampers with the SQLite file behind the store's back"))
struct ChainTamperTests {
    /// An incident with eight entries, as a responder would leave it.
    func recordedIncident() throws -> (StoreFixture, String) {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        for number in 1...5 {
            fixture.clock.advance(minutes: 1)
            _ = try fixture.store.appendNote(key: key, text: "note \(number)", kind: .note, by: fixture.alice)
        }
        _ = try fixture.store.changeSeverity(key: key, to: .p0, note: nil, by: fixture.alice)
        _ = try fixture.store.changeStatus(key: key, move: .to(.mitigated), note: nil, by: fixture.alice)
        return (fixture, key)
    }

    @Test func untouchedChainsHold() throws {
        let (fixture, key) = try recordedIncident()
        _ = try fixture.declare("another")
        let report = try fixture.store.verifyChains(key: nil)
        #expect(report.holds)
        #expect(report.incidentsChecked == 2)
        #expect(report.entriesChecked == 9)
        #expect(try fixture.store.verifyChains(key: key).entriesChecked == 8)
    }

    @Test func editedTextIsFound() throws {
        let (fixture, key) = try recordedIncident()
        try fixture.raw { db in
            try db.execute(sql: "UPDATE timelineEntry SET text = 'nothing happened' WHERE sequence = 4")
        }
        let broken = try #require(try fixture.store.verifyChains(key: key).firstBreak)
        #expect(broken.sequence == 4)
        #expect(broken.reason.contains("edited"))
    }

    @Test func editedAuthorOrTimeIsFound() throws {
        let (fixture, key) = try recordedIncident()
        try fixture.raw { db in
            try db.execute(sql: "UPDATE timelineEntry SET eventAt = '2025-11-04 09:00:00.000' WHERE sequence = 3")
        }
        #expect(try fixture.store.verifyChains(key: key).firstBreak?.sequence == 3)
        try fixture.raw { db in
            try db.execute(sql: "UPDATE timelineEntry SET eventAt = recordedAt, author = 'mallory' WHERE sequence = 2")
        }
        #expect(try fixture.store.verifyChains(key: key).firstBreak?.sequence == 2)
    }

    @Test func deletedMiddleEntryIsFound() throws {
        let (fixture, key) = try recordedIncident()
        try fixture.raw { db in try db.execute(sql: "DELETE FROM timelineEntry WHERE sequence = 5") }
        let broken = try #require(try fixture.store.verifyChains(key: key).firstBreak)
        #expect(broken.sequence == 5)
        #expect(broken.reason.contains("deleted"))
    }

    @Test func deletedNewestEntryIsFound() throws {
        let (fixture, key) = try recordedIncident()
        try fixture.raw { db in try db.execute(sql: "DELETE FROM timelineEntry WHERE sequence = 8") }
        let broken = try #require(try fixture.store.verifyChains(key: key).firstBreak)
        #expect(broken.sequence == 8)
        #expect(broken.reason.contains("deleted"))
    }

    @Test func reorderedEntriesAreFound() throws {
        let (fixture, key) = try recordedIncident()
        try fixture.raw { db in
            try db.execute(sql: "UPDATE timelineEntry SET sequence = -1 WHERE sequence = 3")
            try db.execute(sql: "UPDATE timelineEntry SET sequence = 3 WHERE sequence = 4")
            try db.execute(sql: "UPDATE timelineEntry SET sequence = 4 WHERE sequence = -1")
        }
        let broken = try #require(try fixture.store.verifyChains(key: key).firstBreak)
        #expect(broken.sequence == 3)
    }

    @Test func swappedContentBetweenRowsIsFound() throws {
        let (fixture, key) = try recordedIncident()
        try fixture.raw { db in
            try db.execute(
                sql: """
                    UPDATE timelineEntry SET text = CASE sequence WHEN 2 THEN 'note 2' ELSE 'note 1' END
                    WHERE sequence IN (2, 3)
                    """)
        }
        #expect(try fixture.store.verifyChains(key: key).firstBreak?.sequence == 2)
    }

    @Test func writesAfterVerificationKeepTheChain() throws {
        let (fixture, key) = try recordedIncident()
        _ = try fixture.store.appendNote(
            key: key, text: "障害 resolved 🎉 \"quoted\"\nsecond line", kind: .comms, by: fixture.alice)
        #expect(try fixture.store.verifyChains(key: nil).holds)
    }
}

@Suite(.enabled(if: TestBackend.isSQLite, "reads SQLite rows")) struct StoredRecordTests {
    /// GRDB's own date format truncates; ours rounds to the millisecond the hash was made from.
    @Test func datesReadBackAsTheyWereHashed() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T10:00:00.113Z"))
        let incident = try fixture.declare()
        let stored = try fixture.raw { db in
            try String.fetchOne(db, sql: "SELECT declaredAt FROM incident WHERE id = ?", arguments: [incident.id])
        }
        #expect(stored == "2025-11-04 10:00:00.113")
        #expect(try fixture.store.incident(key: incident.key).declaredAt == incident.declaredAt)
        #expect(try fixture.store.verifyChains(key: nil).holds)
    }
}
