import ArgumentParser
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
        try options.run { store, author in
            let settings = try SitrepConfig.load(path: options.paths.config)
            let folders = ConsoleLaunch.themeFolders(paths: options.paths)
            let state = ConsoleState(
                size: .init(width: 80, height: 24), now: Date(), user: author, databasePath: store.path,
                localOffsetSeconds: TimeZone.current.secondsFromGMT())
            let runtime = ConsoleRuntime(device: CursesTerminal(), store: store, state: state) { depth in
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
