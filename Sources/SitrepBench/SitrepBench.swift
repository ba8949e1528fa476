import ArgumentParser
import BenchSupport
import CommandLineSupport
import Console
import Foundation
import IncidentCore

/// `sitrep-bench`: what `make bench`, `make demo` and the tests drive sitrep with, kept out of
/// the `sitrep` binary users run: data generators, benchmark drivers and the demo's services.
@main
struct SitrepBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep-bench",
        abstract: "Benchmarks, data generators and demo services for sitrep's developers (not shipped).",
        subcommands: [
            Seed.self, AppendNotes.self, AppendBenchCommand.self, RunbookBenchCommand.self, ConsoleBenchCommand.self,
            HealthConsoleBenchCommand.self, DemoServerCommand.self, Keys.self,
        ])

    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seed",
            abstract: "Fill the database with generated incidents and timeline entries (valid hash chains).")

        @Option(name: .long, help: "Number of incidents.") var incidents = 10_000
        @Option(name: .long, help: "Number of timeline entries in all; half go to the first incident.")
        var entries = 1_000_000
        @OptionGroup var options: StoreOptions

        func run() throws {
            try options.run { store, _ in
                // The generator writes through SQLite's importer: benchmarks seed database files.
                guard let file = store as? SQLiteIncidentStore else {
                    throw ValidationError("seed writes SQLite database files; --db must be a path")
                }
                try BulkSeeder(incidents: incidents, entries: entries).seed(into: file)
            }
            print("seeded \(incidents) incidents and \(entries) timeline entries")
        }
    }

    struct AppendNotes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "append-notes",
            abstract: "Append numbered notes one transaction each, printing each number once it is durable.")

        @Argument(help: "Incident key.") var key: String
        @Option(name: .long, help: "How many notes.") var count = 100
        @Option(name: .long, help: "Text before each number.") var prefix = "note"
        @OptionGroup var options: StoreOptions

        func run() throws {
            try options.run { store, author in
                for number in 1...max(count, 1) {
                    _ = try store.appendNote(
                        key: key, text: "\(prefix) \(number)", kind: .note, by: Attribution(author: author))
                    FileHandle.standardOutput.write(Data("\(number)\n".utf8))
                }
            }
        }
    }

    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "Print the console's key table as Markdown (the README's key list is this output).")

        func run() {
            print(KeyBindings.markdown, terminator: "")
        }
    }
}
