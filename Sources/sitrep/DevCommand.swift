import ArgumentParser
import Console
import Foundation
import IncidentCore

/// Developer tools for benchmarks and robustness tests; hidden from the main help.
struct DevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev", abstract: "Developer tools: generate data, write in a loop.",
        shouldDisplay: false,
        subcommands: [
            Seed.self, AppendNotes.self, BenchAppend.self, Keys.self, RunbookBenchCommand.self,
            ConsoleBenchCommand.self, HealthConsoleBenchCommand.self,
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
                try BulkSeeder(incidents: incidents, entries: entries).seed(into: store)
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

    struct BenchAppend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-append",
            abstract: "Median durable append through the store beside raw sqlite3 C-API insert + commit.")

        @Option(name: .long, help: "Folder for the two scratch databases.") var folder: String
        @Option(name: .long, help: "Appends of each kind.") var iterations = 300

        func run() throws {
            let result = try AppendBenchmark(iterations: iterations).run(in: folder)
            print(
                String(
                    format: "%.3f %.3f %.2f", result.storeMedian * 1000, result.rawMedian * 1000, result.ratio))
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
