import Foundation

/// Which backend the store tests run on: SQLite unless `SITREP_TEST_BACKEND=postgres`, which
/// needs `SITREP_TEST_POSTGRES` (the URL `make test` gets from its throwaway server).
enum TestBackend {
    case sqlite
    case postgres(String)

    static let current: TestBackend = {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SITREP_TEST_BACKEND"] == "postgres" else { return .sqlite }
        guard let url = environment["SITREP_TEST_POSTGRES"], !url.isEmpty else {
            fatalError("SITREP_TEST_BACKEND=postgres needs SITREP_TEST_POSTGRES, the test server's URL")
        }
        return .postgres(url)
    }()

    static var isSQLite: Bool {
        if case .sqlite = current { return true }
        return false
    }
}
