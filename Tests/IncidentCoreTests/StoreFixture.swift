import Foundation
import GRDB

@testable import IncidentCore

/// A fresh database in its own temporary folder for each test, with a hand-set clock.
struct StoreFixture {
    let folder: String
    let path: String
    let clock: TestClock
    let store: SQLiteIncidentStore
    let alice = Attribution(author: "alice")

    init(clock: TestClock = TestClock()) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/sitrep.sqlite"
        self.clock = clock
        store = try SQLiteIncidentStore(path: path, clock: clock.function)
    }

    func at(_ text: String, by author: String = "alice") -> Attribution {
        Attribution(author: author, eventTime: Timestamp.parseOrFail(text))
    }

    @discardableResult
    func declare(_ title: String = "Checkout API returning 500s", severity: Severity = .p1) throws -> Incident {
        try store.declareIncident(
            IncidentDeclaration(title: title, severity: severity, services: ["checkout"]), by: alice)
    }

    /// A second connection that goes behind the store's back, as a tamperer would.
    func raw<T>(_ body: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: path)
        return try queue.write(body)
    }

    func entryCount() throws -> Int {
        try raw { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM timelineEntry")! }
    }
}
