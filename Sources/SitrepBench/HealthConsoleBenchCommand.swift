import ArgumentParser
import BenchSupport
import CommandLineSupport
import Console
import Foundation
import IncidentCore
import TerminalUI

/// `sitrep-bench health-console`: the console's render + diff per key with a health monitor's
/// checks on screen, while it polls in the same process and after it stopped (for `make bench`).
struct HealthConsoleBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health-console",
        abstract: "Console render + diff per key (ms) with a monitor stopped, then polling the checks; updates seen.")

    @Option(name: .long, help: ArgumentHelp("A Gatus-format file with `endpoints:`.", valueName: "file"))
    var checks: String
    @Option(name: .long, help: "Seconds of timed key presses while polling, and again after.") var seconds = 15.0
    @OptionGroup var options: StoreOptions

    func run() throws {
        let file = try HealthCheckFile.load(path: checks)
        let size = Size(width: 120, height: 40)
        try options.run(longLived: true) { store, _ in
            let monitor = HealthMonitor(
                checks: file.checks, store: store, retention: file.retention, prober: HealthProber())
            let result = try ConsoleBenchmark.keystrokes(
                store: store, size: size, seconds: seconds, monitor: monitor)
            print(String(format: "%.4f %.4f %d", result.still * 1000, result.polling * 1000, result.updates))
        }
    }
}
