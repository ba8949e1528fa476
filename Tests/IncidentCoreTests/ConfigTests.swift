import Foundation
import Testing

@testable import IncidentCore

@Suite struct ConfigTests {
    @Test func readsUserThemeAndRunbooks() throws {
        let config = try SitrepConfig.parse(
            "user: alice\ntheme: light\nrunbooks:\n  - /srv/runbooks\n  - ./more\n", file: "config.yaml")
        #expect(config == SitrepConfig(user: "alice", theme: "light", runbookFolders: ["/srv/runbooks", "./more"]))
    }

    @Test func emptyFileIsEmptyConfig() throws {
        #expect(try SitrepConfig.parse("", file: "c.yaml") == SitrepConfig())
    }

    @Test func unknownKeyNamesFileAndLine() {
        #expect(throws: ConfigError.self) { try SitrepConfig.parse("user: a\nthem: dark\n", file: "c.yaml") }
        do {
            _ = try SitrepConfig.parse("user: a\nthem: dark\n", file: "c.yaml")
        } catch let error as ConfigError {
            #expect(error.description.hasPrefix("c.yaml:2: unknown setting `them`"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func brokenYAMLNamesTheLine() {
        do {
            _ = try SitrepConfig.parse("user: alice\nrunbooks: [a, b\ntheme: x\n", file: "c.yaml")
            Issue.record("parsed")
        } catch let error as ConfigError {
            #expect(error.file == "c.yaml")
            #expect(error.line != nil)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func authorPrecedence() {
        let config = SitrepConfig(user: "from-config")
        #expect(AuthorResolver.resolve(flag: "flag", config: config, environment: ["SITREP_USER": "env"]) == "flag")
        #expect(AuthorResolver.resolve(flag: nil, config: config, environment: ["SITREP_USER": "env"]) == "env")
        #expect(AuthorResolver.resolve(flag: nil, config: config, environment: [:]) == "from-config")
        #expect(!AuthorResolver.resolve(flag: " ", config: SitrepConfig(), environment: ["SITREP_USER": ""]).isEmpty)
    }

    @Test func pathsFollowXDGAndOverrides() {
        let environment = ["HOME": "/home/a", "XDG_DATA_HOME": "/data"]
        let paths = SitrepPaths.resolve(database: nil, config: nil, environment: environment)
        #expect(paths.database == "/data/sitrep/sitrep.sqlite")
        #expect(paths.config == "/home/a/.config/sitrep/config.yaml")
        #expect(
            SitrepPaths.resolve(database: "/x.db", config: nil, environment: ["SITREP_DB": "/y.db"]).database == "/x.db"
        )
        #expect(
            SitrepPaths.resolve(database: nil, config: nil, environment: ["SITREP_DB": "/y.db"]).database == "/y.db")
    }
}
