import BenchSupport
import Foundation
import GRDB
import Testing

@testable import IncidentCore

/// Whole incidents written with their history: generated data is chained, exported data must
/// already be the chain sitrep would compute, and a break writes nothing at all.
@Suite(.enabled(if: TestBackend.isSQLite, "the importer writes SQLite transactions"))
struct IncidentImporterTests {
    @Test func generatedDatabaseHasValidChainsAndTheRequestedCounts() throws {
        let fixture = try StoreFixture()
        try BulkSeeder(incidents: 30, entries: 600).seed(into: fixture.sqlite)
        #expect(try fixture.store.incidents(includeInactive: true).count == 30)
        #expect(try fixture.entryCount() == 600)
        let report = try fixture.store.verifyChains(key: nil)
        #expect(report.holds)
        #expect(report.incidentsChecked == 30)
        #expect(report.entriesChecked == 600)
        let largest = try #require(
            try fixture.store.incidents(includeInactive: true).map(\.incident).max {
                $0.timelineCount < $1.timelineCount
            })
        #expect(largest.timelineCount == 300)
        #expect(try fixture.store.detail(key: largest.key).roles.first?.person == largest.createdBy)
    }

    @Test func exportedIncidentsImportIntoAnotherStoreHashForHash() throws {
        let source = try StoreFixture()
        let key = try source.declare().key
        _ = try source.store.appendNote(key: key, text: "Rolled back 4512", kind: .decision, by: source.alice)
        let detail = try source.store.detail(key: key)

        let target = try StoreFixture()
        try target.sqlite.importIncidents { importer in
            try importer.add(
                detail.incident, services: detail.services, roles: detail.roles, entries: detail.timeline)
        }
        let copied = try target.store.detail(key: key)
        #expect(copied.timeline.map(\.hash) == detail.timeline.map(\.hash))
        #expect(copied.incident.timelineHead == detail.incident.timelineHead)
        #expect(copied.services == ["checkout"])
        #expect(try target.store.verifyChains(key: nil).holds)
    }

    @Test func anEntryThatBreaksTheChainWritesNothing() throws {
        let source = try StoreFixture()
        let first = try source.declare()
        let second = try source.declare("Search slow")
        _ = try source.store.appendNote(key: second.key, text: "p99 1.8s", kind: .note, by: source.alice)
        let good = try source.store.detail(key: first.key)
        var bad = try source.store.detail(key: second.key)
        bad.timeline[1].text = "p99 0.2s"

        let target = try StoreFixture()
        #expect(throws: StoreError.self) {
            try target.sqlite.importIncidents { importer in
                try importer.add(good.incident, entries: good.timeline)
                try importer.add(bad.incident, entries: bad.timeline)
            }
        }
        #expect(try target.store.incidents(includeInactive: true).isEmpty)
        #expect(try target.entryCount() == 0)
    }
}
