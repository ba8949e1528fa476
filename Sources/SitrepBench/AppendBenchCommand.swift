import ArgumentParser
import BenchSupport
import Foundation

/// `sitrep-bench append`: the store's durable append beside SQLite's C API, for bench_store.py.
struct AppendBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
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
