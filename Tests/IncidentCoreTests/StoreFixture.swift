import Foundation
import GRDB

@testable import IncidentCore

/// A fresh store for each test, with a hand-set clock: a database file in its own temporary
/// folder, or with `SITREP_TEST_BACKEND=postgres` a schema of its own on the test server, so
/// the same test bodies check both backends.
struct StoreFixture {
    let folder: String
    let path: String
    let clock: TestClock
    let store: any StoreBackend
    let alice = Attribution(author: "alice")

    init(clock: TestClock = TestClock()) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.clock = clock
        switch TestBackend.current {
        case .sqlite:
            path = folder + "/sitrep.sqlite"
            store = try SQLiteIncidentStore(path: path, clock: clock.function)
        case .postgres(let url):
            path = url + "?schema=t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            store = try PostgresIncidentStore(
                settings: try PostgresSettings(url: URL(string: path)!), clock: clock.function)
        }
    }

    /// The SQLite store, for tests of SQLite's own behaviour (they run only on that backend).
    var sqlite: SQLiteIncidentStore { store as! SQLiteIncidentStore }

    /// A second store on the same data, as another process would open it.
    func reopen() throws -> any SitrepStore {
        switch TestBackend.current {
        case .sqlite: try SQLiteIncidentStore(path: path)
        case .postgres: try PostgresIncidentStore(settings: try PostgresSettings(url: URL(string: path)!))
        }
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

    /// Every entry in the store, counted by walking the chains (so on either backend).
    func entryCount() throws -> Int {
        try store.verifyChains(key: nil).entriesChecked
    }
}
