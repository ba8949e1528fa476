import Foundation
import Testing

@testable import IncidentCore

/// `postgres://` URLs read as libpq reads them; the password comes from the URL, PGPASSWORD or
/// ~/.pgpass and is never part of what is shown.
@Suite struct PostgresSettingsTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("pg-home-\(UUID().uuidString)").path

    @Test func urlPartsDefaultsAndQuery() throws {
        let settings = try PostgresSettings(
            url: URL(string: "postgresql://sre:s%40cret@db.internal:6543/team?sslmode=require&schema=payments")!,
            environment: [:], home: home)
        #expect(settings.host == "db.internal")
        #expect(settings.port == 6543)
        #expect(settings.user == "sre")
        #expect(settings.password == "s@cret")
        #expect(settings.database == "team")
        #expect(settings.tls == .require)
        #expect(settings.schema == "payments")
        #expect(settings.display == "postgres://sre@db.internal:6543/team?schema=payments")
        let bare = try PostgresSettings(
            url: URL(string: "postgres://db.internal")!, environment: ["USER": "omar"], home: home)
        #expect(bare.port == 5432)
        #expect(bare.user == "omar")
        #expect(bare.database == "omar")
        #expect(bare.tls == .prefer)
        #expect(bare.password == nil)
    }

    @Test func passwordFromTheEnvironmentOrPgpass() throws {
        let url = URL(string: "postgres://sre@db.internal/sitrep")!
        #expect(
            try PostgresSettings(url: url, environment: ["PGPASSWORD": "from-env"], home: home).password == "from-env")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let file = home + "/.pgpass"
        try "# comment\nother:*:*:*:wrong\ndb.internal:5432:sitrep:sre:pa\\:ss\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(try PostgresSettings(url: url, environment: [:], home: home).password == nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        #expect(try PostgresSettings(url: url, environment: [:], home: home).password == "pa:ss")
    }

    @Test func badParametersAreUsageErrorsThatHideThePassword() throws {
        for query in ["sslmode=sometimes", "schema=Drop%20Table", "schema=1abc", "colour=blue"] {
            let error = #expect(throws: StoreError.self) {
                try PostgresSettings(
                    url: URL(string: "postgres://sre:hunter2@db.internal/sitrep?\(query)")!, environment: [:],
                    home: home)
            }
            #expect(error?.exitCode == 64, "\(query)")
            #expect(error?.description.contains("hunter2") == false, "\(query)")
        }
    }
}
