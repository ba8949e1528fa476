import ArgumentParser
import CommandLineSupport
import Console
import CursesBackend
import Foundation
import IncidentCore

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the full-screen console (the default when sitrep runs on a terminal with no command).",
        discussion:
            "Press ? inside for the keys. Themes: dark (default), light, high-contrast, monochrome, or a YAML path.")

    @Option(
        name: .long,
        help: ArgumentHelp("Theme name or YAML file (default: config `theme:`, else dark).", valueName: "name|path"))
    var theme: String?
    @Option(
        name: .long,
        help: ArgumentHelp("A Gatus-format file with `endpoints:` to poll (default: config.yaml).", valueName: "file"))
    var checks: String?
    @OptionGroup var options: StoreOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            if CommandLine.arguments.count == 1 {
                print(Sitrep.helpMessage())
                return
            }
            FileHandle.standardError.write(
                Data("sitrep: the console needs a terminal; see `sitrep --help` for commands\n".utf8))
            throw ExitCode(64)
        }
        ConsoleLaunch.preferQuietCrashes()
        try options.run(longLived: true) { store, author in
            let settings = try SitrepConfig.load(path: options.paths.config)
            let folders = ConsoleLaunch.themeFolders(paths: options.paths)
            var state = ConsoleState(
                size: .init(width: 80, height: 24), now: Date(), user: author, databasePath: store.location,
                homeFolder: ProcessInfo.processInfo.environment["HOME"] ?? "",
                localOffsetSeconds: TimeZone.current.secondsFromGMT())
            var monitor: HealthMonitor?
            let checksPath = checks ?? options.paths.config
            if FileManager.default.fileExists(atPath: checksPath) {
                let file = try HealthCheckFile.load(path: checksPath)
                let problems = (file.problems + file.unsupported).map(\.description)
                if let problem = problems.first {
                    state.notice = Notice("\(problem) (other checks still run)", level: .error, now: state.now)
                }
                if !file.checks.isEmpty {
                    monitor = HealthMonitor(
                        checks: file.checks, store: store, retention: file.retention, prober: HealthProber())
                }
            }
            let runtime = ConsoleRuntime(
                device: CursesTerminal(), store: store, state: state, healthMonitor: monitor,
                runbookLibrary: RunbookLibrary(config: settings)
            ) { depth in
                ThemeResolver.resolve(theme ?? settings.theme, folders: folders, depth: depth)
            }
            do {
                try runtime.run()
            } catch let error as CursesError {
                FileHandle.standardError.write(Data("sitrep: \(error)\n".utf8))
                throw ExitCode(69)
            }
        }
    }
}
