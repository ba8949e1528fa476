import Foundation
import Testing

@testable import IncidentCore

@Suite struct DeclareTests {
    @Test func keysAreNumberedWithinTheDeclarationDay() throws {
        let fixture = try StoreFixture()
        let first = try fixture.declare()
        let second = try fixture.declare("Search latency")
        let backdated = try fixture.store.declareIncident(
            IncidentDeclaration(title: "Old one", severity: .p3), by: fixture.at("2025-11-01T23:59:00-01:00"))
        #expect(first.key == "INC-20251104-001")
        #expect(second.key == "INC-20251104-002")
        #expect(backdated.key == "INC-20251102-001")
    }

    @Test func declarationRecordsFieldsEntryAndCommander() throws {
        let fixture = try StoreFixture()
        let declaration = IncidentDeclaration(
            title: "  Checkout API returning 500s ", severity: .p1, services: ["checkout", "checkout", " api "],
            tags: ["customer-facing"], summary: "5xx spike", commander: "bob", isDrill: true,
            detectedAt: Timestamp.parseOrFail("2025-11-04T09:55:00Z"))
        let incident = try fixture.store.declareIncident(declaration, by: fixture.alice)
        let detail = try fixture.store.detail(key: incident.key)
        #expect(detail.incident.title == "Checkout API returning 500s")
        #expect(detail.incident.status == .detected)
        #expect(detail.incident.isDrill)
        #expect(detail.services == ["api", "checkout"])
        #expect(detail.tags == ["customer-facing"])
        #expect(detail.incident.detectedAt == Timestamp.parseOrFail("2025-11-04T09:55:00Z"))
        #expect(detail.incident.declaredAt == fixture.clock.now)
        #expect(detail.holder(of: .commander) == "bob")
        #expect(detail.timeline.map(\.kind) == [.status, .role])
        #expect(detail.timeline[0].text == "Declared P1 drill incident on checkout, api: Checkout API returning 500s")
        #expect(detail.timeline[0].author == "alice")
    }

    @Test func emptyTitleIsInvalidAndWritesNothing() throws {
        let fixture = try StoreFixture()
        #expect(throws: StoreError.invalid("an incident needs a title")) {
            try fixture.store.declareIncident(IncidentDeclaration(title: "  ", severity: .p2), by: fixture.alice)
        }
        #expect(try fixture.store.incidents(includeInactive: true).isEmpty)
    }

    @Test func detectionAfterDeclarationIsRefused() throws {
        let fixture = try StoreFixture()
        let declaration = IncidentDeclaration(
            title: "x", severity: .p2, detectedAt: Timestamp.parseOrFail("2025-11-04T11:00:00Z"))
        #expect(throws: StoreError.self) { try fixture.store.declareIncident(declaration, by: fixture.alice) }
        #expect(try fixture.entryCount() == 0)
    }

    @Test func futureTimesAreRefused() throws {
        let fixture = try StoreFixture()
        #expect(throws: StoreError.self) {
            try fixture.store.declareIncident(
                IncidentDeclaration(title: "x", severity: .p2), by: fixture.at("2025-11-05T10:00:00Z"))
        }
    }

    @Test func listingPutsWorstSeverityFirstThenOldestAndHidesResolved() throws {
        let fixture = try StoreFixture()
        let low = try fixture.declare("low", severity: .p3)
        fixture.clock.advance(minutes: 1)
        let newerHigh = try fixture.declare("newer high", severity: .p1)
        let done = try fixture.declare("done", severity: .p0)
        _ = try fixture.store.changeStatus(key: done.key, move: .to(.resolved), note: nil, by: fixture.alice)
        let olderHigh = try fixture.store.declareIncident(
            IncidentDeclaration(title: "older high", severity: .p1, commander: "carol"),
            by: fixture.at("2025-11-04T09:00:00Z"))
        let open = try fixture.store.incidents(includeInactive: false)
        #expect(open.map(\.incident.key) == [olderHigh.key, newerHigh.key, low.key])
        #expect(open.first?.commander == "carol")
        #expect(open.first?.services == [])
        #expect(try fixture.store.incidents(includeInactive: true).count == 4)
    }

    @Test func unknownKeyIsNotFound() throws {
        let fixture = try StoreFixture()
        #expect(throws: StoreError.notFound("no incident INC-20990101-001")) {
            try fixture.store.detail(key: "INC-20990101-001")
        }
        #expect(throws: StoreError.notFound("no incident nope")) {
            try fixture.store.appendNote(key: "nope", text: "x", kind: .note, by: fixture.alice)
        }
    }

    @Test func keysAreCaseInsensitive() throws {
        let fixture = try StoreFixture()
        let incident = try fixture.declare()
        let entry = try fixture.store.appendNote(
            key: incident.key.lowercased(), text: "hello", kind: .note, by: fixture.alice)
        #expect(entry.sequence == 2)
    }
}

@Suite struct ChangeTokenTests {
    @Test func tokenMovesWhenAnotherConnectionWrites() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        let before = try fixture.store.changeToken()
        #expect(try fixture.store.changeToken() == before)
        let other = try fixture.reopen()
        _ = try other.appendNote(key: key, text: "from another process", kind: .note, by: fixture.alice)
        // A server's notification arrives a moment after the commit; a file's version at once.
        var after = try fixture.store.changeToken()
        for _ in 0..<500 where after == before {
            usleep(10_000)
            after = try fixture.store.changeToken()
        }
        #expect(after != before)
    }
}
