import ArgumentParser
import Console
import Foundation
import IncidentCore
import TerminalUI

/// `sitrep dev bench-health-console`: the console's render + diff per key with a health monitor's
/// checks on screen, first sitting still, then polling in the same process (for `make bench`).
struct HealthConsoleBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-health-console",
        abstract: "Console render + diff per key (ms) without, then with, a monitor polling the checks; updates seen.")

    @Option(name: .long, help: ArgumentHelp("A Gatus-format file with `endpoints:`.", valueName: "file"))
    var checks: String
    @Option(name: .long, help: "Seconds of key presses for each half.") var seconds = 15.0
    @OptionGroup var options: StoreOptions

    func run() throws {
        let file = try HealthCheckFile.load(path: checks)
        let size = Size(width: 120, height: 40)
        try options.run { store, _ in
            let monitor = HealthMonitor(
                checks: file.checks, store: store, retention: file.retention, prober: HealthProber())
            let still = try ConsoleBenchmark.keystrokes(
                store: store, size: size, seconds: seconds, monitor: monitor, polling: false)
            let polling = try ConsoleBenchmark.keystrokes(
                store: store, size: size, seconds: seconds, monitor: monitor, polling: true)
            print(String(format: "%.4f %.4f %d", still.median * 1000, polling.median * 1000, polling.updates))
        }
    }
}
