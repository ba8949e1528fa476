import Foundation
import Testing

@testable import IncidentCore

/// How `--db` values are read: paths stay paths, URLs are never files, passwords never echoed.
@Suite struct StoreLocationTests {
    @Test func pathsAndFileURLsAreFiles() throws {
        #expect(try StoreLocation(parsing: "/tmp/sitrep.sqlite") == .file("/tmp/sitrep.sqlite"))
        #expect(try StoreLocation(parsing: "relative/sitrep.sqlite") == .file("relative/sitrep.sqlite"))
        #expect(try StoreLocation(parsing: "./a://b.sqlite") == .file("./a://b.sqlite"))
        #expect(try StoreLocation(parsing: "file:///tmp/my%20db.sqlite") == .file("/tmp/my db.sqlite"))
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "file://relative.sqlite") }
    }

    @Test func postgresURLsAreServersAndOtherSchemesAreRefused() throws {
        let location = try StoreLocation(parsing: "postgresql://sre@db.internal:5432/sitrep?sslmode=require")
        guard case .server(let url) = location else {
            Issue.record("not a server: \(location)")
            return
        }
        #expect(url.host == "db.internal")
        #expect(
            try StoreLocation(parsing: "POSTGRES://sre@localhost/sitrep") != .file("POSTGRES://sre@localhost/sitrep"))
        let refusal = #expect(throws: StoreError.self) { try StoreLocation(parsing: "mysql://root@localhost/sitrep") }
        #expect(refusal?.exitCode == 64)
        #expect(refusal?.description.contains("mysql://") == true)
    }

    @Test func aServerThatDoesNotAnswerIsUnavailableAndItsPasswordIsNotShown() throws {
        let location = try StoreLocation(parsing: "postgres://sre:hunter2@127.0.0.1:1/sitrep")
        let error = #expect(throws: StoreError.self) { try location.open() }
        #expect(error?.exitCode == 69)
        #expect(error?.description.contains("hunter2") == false)
        #expect(error?.description.contains("sre@127.0.0.1:1/sitrep") == true)
    }
}
