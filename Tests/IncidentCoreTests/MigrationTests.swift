import Foundation
import GRDB
import Testing

@testable import IncidentCore

/// A database written by the first schema must open, migrate and keep every entry verifiable.
@Suite struct MigrationTests {
    static let fixtureName = "schema-v1.sqlite"

    /// Writes the fixture as the first schema version left it. Run with SITREP_RECORD_FIXTURES=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SITREP_RECORD_FIXTURES"] == "1"))
    func recordFirstSchemaFixture() throws {
        let target = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/\(Self.fixtureName)"
        ).path
        try? FileManager.default.removeItem(atPath: target)
        let pool = try SQLiteIncidentStore.createLegacy(path: target, upTo: "v1-incidents")
        try pool.write { db in
            let declared = Timestamp.parseOrFail("2025-06-01T08:00:00Z")
            var incident = Incident(
                id: nil, key: "INC-20250601-001", title: "Payments timing out", severity: .p1, status: .detected,
                summary: "", impact: "", rootCause: "", resolution: "", isDrill: false, createdBy: "alice",
                detectedAt: declared, declaredAt: declared, acknowledgedAt: nil, mitigatedAt: nil, resolvedAt: nil,
                closedAt: nil, lastEntryAt: declared, timelineCount: 0, timelineHead: TimelineHasher.genesis)
            try incident.insert(db)
            try db.execute(
                sql: "INSERT INTO incidentService (incidentId, service) VALUES (?, 'payments')",
                arguments: [incident.id])
            var previous = TimelineHasher.genesis
            for (sequence, text) in ["Declared P1 incident on payments: Payments timing out", "Gateway p99 at 9s"]
                .enumerated()
            {
                let at = declared.addingTimeInterval(Double(sequence) * 60)
                var entry = TimelineEntry(
                    id: nil, incidentId: incident.id!, sequence: sequence + 1, kind: sequence == 0 ? .status : .note,
                    author: "alice", eventAt: at, recordedAt: at, text: text, details: "{}", previousHash: previous,
                    hash: "")
                entry.hash = TimelineHasher.hash(incidentKey: incident.key, entry: entry)
                try entry.insert(db)
                previous = entry.hash
                incident.timelineCount = sequence + 1
                incident.timelineHead = entry.hash
                incident.lastEntryAt = at
            }
            try incident.update(db)
        }
        _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try pool.close()
        try? FileManager.default.removeItem(atPath: target + "-wal")
        try? FileManager.default.removeItem(atPath: target + "-shm")
    }

    /// A private copy of the first-schema fixture, so each test migrates its own file.
    func copyOfFixture() throws -> String {
        let fixture = try #require(
            Bundle.module.path(forResource: Self.fixtureName, ofType: nil, inDirectory: "Fixtures"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("old.sqlite").path
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        return path
    }

    /// `list` and `show` open read-only; an old file must still be migrated, not misread.
    @Test func readOnlyOpenOfAnOldDatabaseMigratesIt() throws {
        let path = try copyOfFixture()
        let store = try SQLiteIncidentStore(path: path, readOnly: true)
        #expect(try store.incidents(includeInactive: true).map(\.incident.key) == ["INC-20250601-001"])
        let applied = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(applied == StoreMigrations.migrator.migrations)
    }

    @Test func firstSchemaDatabaseOpensAndMigrates() throws {
        let path = try copyOfFixture()
        let applied = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(applied == ["v1-incidents"])

        let store = try SQLiteIncidentStore(path: path)
        let detail = try store.detail(key: "INC-20250601-001")
        #expect(detail.incident.title == "Payments timing out")
        #expect(detail.services == ["payments"])
        #expect(
            detail.timeline.map(\.text) == [
                "Declared P1 incident on payments: Payments timing out", "Gateway p99 at 9s",
            ])
        #expect(try store.verifyChains(key: nil).holds)
        _ = try store.appendNote(
            key: "INC-20250601-001", text: "after the upgrade", kind: .note, by: Attribution(author: "bob"))
        _ = try store.declareIncident(
            IncidentDeclaration(title: "new", severity: .p3, tags: ["post-upgrade"]), by: Attribution(author: "bob"))
        #expect(try store.verifyChains(key: nil).holds)
        let migrations = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(migrations == StoreMigrations.migrator.migrations)
    }
}
