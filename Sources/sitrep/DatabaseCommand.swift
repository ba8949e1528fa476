import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

/// `sitrep db init|status`: set up a shared database before the team points at it, and check
/// what a `--db` reaches.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Create, migrate and inspect the database (a file or postgres://…).",
        subcommands: [Initialize.self, Status.self])

    struct Initialize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create or migrate the schema; safe to run again.",
            discussion: "Any command does this on first use; `db init` does only this, for a server set up ahead.")

        @OptionGroup var options: StoreOptions

        func run() throws {
            let status = try options.run { store, _ in try store.status() }
            print("ready: \(status.location), schema \(status.schemaVersion) (\(status.backend))")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Backend, server and schema versions, counts and connection health.",
            discussion: "Exits 69 when the server cannot be reached and 78 when it refuses the set-up.")

        @OptionGroup var options: StoreOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let status = try options.run(readOnly: true) { store, _ in try store.status() }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
            } else {
                print(status.text)
            }
        }
    }
}
