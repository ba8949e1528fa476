import Foundation
import GRDB
import Testing

@testable import IncidentCore

@Suite struct DatabaseFileTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-file-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func expectUnusable(_ path: String, mentioning phrase: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteIncidentStore(path: path)
            Issue.record("opened \(path)")
        } catch let error as StoreError {
            guard case .unusableDatabase(let errorPath, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(reason.contains(phrase), "\(reason)")
            #expect(error.exitCode == 65)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// GRDB turns the writer to `synchronous = NORMAL` with WAL; a commit must be synced (FULL).
    @Test func writesAreSyncedOnCommitInWALMode() throws {
        let store = try SQLiteIncidentStore(path: try folder() + "/sitrep.sqlite")
        let (journal, synchronous) = try store.database.writeWithoutTransaction { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2, "synchronous is \(synchronous ?? -1), not FULL (2)")
    }

    /// A one-shot command's single connection opens the file without GRDB's pool WAL set-up,
    /// which recreates a missing `-wal` with a throw-away CREATE/DROP TABLE (a schema change and a
    /// synced commit); the write is still durable (FULL) and the chain still holds.
    @Test func singleConnectionWriteMakesNoSchemaChange() throws {
        let path = try folder() + "/sitrep.sqlite"
        let author = Attribution(author: "a")
        let key = try SQLiteIncidentStore(path: path).declareIncident(
            IncidentDeclaration(title: "One shot", severity: .p2), by: author
        ).key
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        func schemaVersion() throws -> Int? {
            var configuration = Configuration()
            configuration.readonly = true
            return try DatabaseQueue(path: path, configuration: configuration).read { db in
                try Int.fetchOne(db, sql: "PRAGMA schema_version")
            }
        }
        let before = try schemaVersion()
        let oneShot = try SQLiteIncidentStore(path: path, concurrentReads: false)
        let (journal, synchronous) = try oneShot.database.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)
        _ = try oneShot.appendNote(key: key, text: "second process", kind: .note, by: author)
        #expect(try schemaVersion() == before)
        let reader = try SQLiteIncidentStore(path: path, readOnly: true, concurrentReads: false)
        #expect(try reader.detail(key: key).timeline.map(\.text).last == "second process")
        #expect(try reader.verifyChains(key: nil).holds)
    }

    /// A new file opened by a one-shot command is created in WAL mode and migrated.
    @Test func singleConnectionCreatesAWALDatabase() throws {
        let path = try folder() + "/sitrep.sqlite"
        let store = try SQLiteIncidentStore(path: path, concurrentReads: false)
        let key = try store.declareIncident(
            IncidentDeclaration(title: "Fresh", severity: .p3), by: Attribution(author: "a")
        )
        .key
        let journal = try store.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        #expect(try store.incident(key: key).title == "Fresh")
    }

    /// A row edited behind sitrep's back to a value it never writes is an error naming the column,
    /// not a crash.
    @Test func unknownStoredValueIsAnErrorNamingTheColumn() throws {
        let store = try SQLiteIncidentStore(path: try folder() + "/sitrep.sqlite")
        let key = try store.declareIncident(
            IncidentDeclaration(title: "Odd", severity: .p2), by: Attribution(author: "a")
        )
        .key
        try store.database.write { db in try db.execute(sql: "UPDATE incident SET severity = 'P9'") }
        #expect {
            try store.incident(key: key)
        } throws: { error in
            "\(error)".contains("severity") && "\(error)".contains("P9")
        }
    }

    /// Commands that only read open read-only: the file is not touched and writes are refused.
    @Test func readOnlyOpenOfACurrentFileWritesNothing() throws {
        let path = try folder() + "/sitrep.sqlite"
        let key = try SQLiteIncidentStore(path: path).declareIncident(
            IncidentDeclaration(title: "Read me", severity: .p2), by: Attribution(author: "a")
        ).key
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try SQLiteIncidentStore(path: path, readOnly: true)
        #expect(try reader.detail(key: key).incident.title == "Read me")
        #expect(throws: StoreError.self) {
            try reader.appendNote(key: key, text: "nope", kind: .note, by: Attribution(author: "a"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func createsFolderAndFileWithPrivatePermissions() throws {
        let path = try folder() + "/nested/data/sitrep.sqlite"
        _ = try SQLiteIncidentStore(path: path)
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let folderMode =
            try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[
                .posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
    }

    @Test func textFileIsRefusedUntouched() throws {
        let path = try folder() + "/notes.txt"
        try Data("these are my notes, not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        try expectUnusable(path, mentioning: "not a SQLite database")
    }

    @Test func otherApplicationsDatabaseIsRefusedUntouched() throws {
        let path = try folder() + "/other.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)") }
        try queue.close()
        try expectUnusable(path, mentioning: "tables of its own")
    }

    @Test func foreignApplicationIDIsRefused() throws {
        let path = try folder() + "/other.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "PRAGMA application_id = 42; CREATE TABLE t (x)") }
        try queue.close()
        try expectUnusable(path, mentioning: "another application")
    }

    @Test func corruptDatabaseIsRefusedUntouched() throws {
        let path = try folder() + "/sitrep.sqlite"
        let store = try SQLiteIncidentStore(path: path)
        for number in 1...50 {
            _ = try store.declareIncident(
                IncidentDeclaration(title: "incident \(number)", severity: .p2), by: Attribution(author: "a"))
        }
        _ = try store.database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try store.database.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for index in 4096..<bytes.count { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
        try bytes.write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) {
            let reopened = try SQLiteIncidentStore(path: path)
            _ = try reopened.incidents(includeInactive: true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func databaseFromANewerSitrepIsRefused() throws {
        let path = try folder() + "/sitrep.sqlite"
        let store = try SQLiteIncidentStore(path: path)
        try store.database.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try store.database.close()
        #expect(throws: StoreError.unusableDatabase(path: path, reason: "was written by a newer version of sitrep")) {
            _ = try SQLiteIncidentStore(path: path)
        }
    }

    @Test func emptyFileBecomesADatabase() throws {
        let path = try folder() + "/sitrep.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let store = try SQLiteIncidentStore(path: path)
        #expect(try store.incidents(includeInactive: true).isEmpty)
    }
}
