import Foundation
import Synchronization
import Testing

@testable import IncidentCore

/// What only a server can get wrong: it is missing, refuses the login, lacks the database, or
/// holds a schema from a newer sitrep. Runs in the PostgreSQL pass of `make test`.
@Suite(.enabled(if: !TestBackend.isSQLite, "needs the test server (the PostgreSQL pass of make test)"))
struct PostgresStoreTests {
    var base: URLComponents {
        guard case .postgres(let url) = TestBackend.current else { fatalError("not on PostgreSQL") }
        return URLComponents(string: url)!
    }

    func open(_ parts: URLComponents) throws -> PostgresIncidentStore {
        try PostgresIncidentStore(settings: try PostgresSettings(url: parts.url!, environment: [:]))
    }

    @Test func aServerThatIsNotThereIsUnavailable() throws {
        var parts = base
        parts.port = 1  // privileged and never listening on a test machine: refused at once
        let error = #expect(throws: StoreError.self) { try open(parts) }
        #expect(error?.exitCode == 69)
        #expect(error?.description.contains("cannot reach the server") == true, "\(String(describing: error))")
        #expect(error?.description.contains("sitrep-test") == false)
    }

    @Test func aWrongPasswordIsAConfigurationErrorThatHidesIt() throws {
        var parts = base
        parts.password = "not-the-password"
        let error = #expect(throws: StoreError.self) { try open(parts) }
        #expect(error?.exitCode == 78)
        #expect(error?.description.contains("refused the password for user sitrep") == true)
        #expect(error?.description.contains("not-the-password") == false)
    }

    @Test func aMissingDatabaseIsAConfigurationError() throws {
        var parts = base
        parts.path = "/no_such_database"
        let error = #expect(throws: StoreError.self) { try open(parts) }
        #expect(error?.exitCode == 78)
        #expect(error?.description.contains("database no_such_database does not exist") == true)
    }

    @Test func aSchemaFromANewerSitrepIsRefusedAndLeftAlone() throws {
        let fixture = try StoreFixture()
        _ = try fixture.declare()
        let store = fixture.store as! PostgresIncidentStore
        try store.write { tx in
            try tx.run("INSERT INTO sitrep_migration (identifier, applied_at) VALUES ('v99-future', 'x')")
        }
        let error = #expect(throws: StoreError.self) { try fixture.reopen() }
        #expect(error?.exitCode == 69)
        #expect(error?.description.contains("newer version of sitrep") == true)
        #expect(try store.incidents(includeInactive: true).count == 1)
    }

    @Test func schemasKeepTeamsApart() throws {
        let payments = try StoreFixture()
        let search = try StoreFixture()
        _ = try payments.declare("Card auth failing")
        #expect(try search.store.incidents(includeInactive: true).isEmpty)
        #expect(try payments.store.incidents(includeInactive: true).map(\.incident.title) == ["Card auth failing"])
    }
}

/// Writers on separate connections appending to one incident at once: the store takes them in
/// turn, so nothing is lost and the chain never forks. Both backends.
@Suite struct ConcurrentStoreWriterTests {
    @Test func eightConnectionsAppendToOneIncident() throws {
        let fixture = try StoreFixture()
        let key = try fixture.declare().key
        let writers = try (0..<8).map { _ in try fixture.reopen() }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers.count) { index in
            for note in 0..<40 {
                do {
                    _ = try writers[index].appendNote(
                        key: key, text: "writer \(index) note \(note)", kind: .note, by: fixture.alice)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let timeline = try fixture.store.detail(key: key).timeline
        #expect(timeline.count == 1 + 8 * 40)
        #expect(Set(timeline.map(\.text)).count == timeline.count)
        #expect(timeline.map(\.sequence) == Array(1...timeline.count))
        #expect(try fixture.store.verifyChains(key: key).firstBreak == nil)
    }
}
