import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

/// `sitrep health`: run the Gatus-format checks once, or poll them into the store.
struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Health checks in Gatus's format: check once, or watch and record.",
        discussion: """
            Checks come from `endpoints:` in config.yaml, or from a Gatus file given with --checks.
            An endpoint with a bad URL or condition is reported with its file and line; the rest run.
            """,
        subcommands: [Check.self, Watch.self])

    /// Where checks come from, shared by `check` and `watch`.
    struct ChecksOptions: ParsableArguments {
        @Option(
            name: .long,
            help: ArgumentHelp("A Gatus-format file with `endpoints:` (default: config.yaml).", valueName: "file"))
        var checks: String?

        /// Loads the checks and reports problems and unsupported keys on stderr.
        func load(configPath: String) throws -> HealthCheckFile {
            let path = checks ?? configPath
            if let checks, !FileManager.default.fileExists(atPath: checks) {
                FileHandle.standardError.write(Data("sitrep: \(checks): no such file\n".utf8))
                throw ExitCode(66)
            }
            let file: HealthCheckFile
            do {
                file = try HealthCheckFile.load(path: path)
            } catch let error as ConfigError {
                FileHandle.standardError.write(Data("sitrep: \(error)\n".utf8))
                throw ExitCode(78)
            }
            for notice in file.unsupported { FileHandle.standardError.write(Data("sitrep: note: \(notice)\n".utf8)) }
            for problem in file.problems { FileHandle.standardError.write(Data("sitrep: \(problem)\n".utf8)) }
            if file.checks.isEmpty {
                FileHandle.standardError.write(Data("sitrep: \(path): no health checks to run\n".utf8))
                throw ExitCode(78)
            }
            return file
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Run every check once, at the same time.",
            discussion: "Exits 0 only when every check passes, 1 when one fails, 78 when the config has problems.")

        @Flag(name: .long, help: "Print the results as JSON.") var json = false
        @OptionGroup var source: ChecksOptions
        @Option(
            name: .long,
            help: ArgumentHelp("Config file (default: $XDG_CONFIG_HOME/sitrep/config.yaml).", valueName: "path"))
        var config: String?

        func run() throws {
            let file = try source.load(configPath: SitrepPaths.resolve(database: nil, config: config).config)
            let samples = try AsyncBridge.wait {
                await HealthProber().probeAll(file.checks)
            }
            if json {
                print(HealthCheckReport.json(checks: file.checks, samples: samples, problems: file.problems))
            } else {
                print(HealthCheckReport.text(checks: file.checks, samples: samples), terminator: "")
            }
            if samples.contains(where: { !$0.isUp }) { throw ExitCode(1) }
            if !file.problems.isEmpty { throw ExitCode(78) }
        }
    }

    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Poll every check on its interval and record samples and state changes (Ctrl-C stops).",
            discussion: """
                State changes (after each check's failure/success thresholds) are appended as `health`
                entries to every open incident declared with the check's `service:`, and printed;
                --verbose prints every probe.
                """)

        @OptionGroup var source: ChecksOptions
        @OptionGroup var options: StoreOptions
        @Flag(name: .shortAndLong, help: "Print every probe, not only state changes and unsaved samples.")
        var verbose = false

        func run() throws {
            let file = try source.load(configPath: options.paths.config)
            let store = try options.run(longLived: true) { store, _ in store }
            let verbose = verbose
            let prober = HealthProber()
            // Nothing here draws a sparkline, so only the last sample per check is kept in memory.
            let monitor = HealthMonitor(
                checks: file.checks, store: store, retention: file.retention, prober: prober, recentLimit: 1,
                onEvent: { event in
                    // A thousand checks probe a thousand times a second: by default only what
                    // changed (or failed to save) is worth a line.
                    guard verbose || event.transition != nil || event.storeError != nil else { return }
                    let line = HealthCheckReport.eventLine(event)
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                })
            let interrupt = InterruptWait()
            print("watching \(file.checks.count) check(s); Ctrl-C stops")
            Task { await monitor.start() }
            interrupt.wait()
            let missed = try AsyncBridge.wait {
                await monitor.stop()
                return await monitor.missedIntervals()
            }
            for (check, count) in missed.sorted(by: { $0.key < $1.key }) {
                FileHandle.standardError.write(
                    Data("sitrep: \(check): \(count) interval(s) missed while a probe was still running\n".utf8))
            }
            print("stopped")
        }
    }
}
