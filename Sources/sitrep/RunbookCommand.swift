import ArgumentParser
import CommandLineSupport
import Dispatch
import Foundation
import IncidentCore

struct RunbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook", abstract: "List, check, show and run Markdown runbooks.",
        discussion: """
            Runbooks are found in the folders named by `runbooks:` in config.yaml, then in
            $SITREP_RUNBOOKS (colon-separated), then in ./Runbooks. NAME is a file name without .md;
            anything with a / or ending in .md is a path.
            """,
        subcommands: [List.self, Show.self, Check.self, Run.self])

    /// Loads config for the runbook folders, mapping a bad config file to exit 78.
    static func library(_ options: StoreOptions) throws -> RunbookLibrary {
        do {
            return RunbookLibrary(config: try SitrepConfig.load(path: options.paths.config))
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data("sitrep: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }

    /// Resolves and parses NAME|PATH: 66 when there is no such runbook.
    static func load(_ nameOrPath: String, options: StoreOptions) throws -> Runbook {
        do {
            return try RunbookParser.parse(fileAt: try library(options).resolve(nameOrPath))
        } catch let error as RunbookLookupError {
            FileHandle.standardError.write(Data("sitrep: \(error)\n".utf8))
            throw ExitCode(66)
        } catch let error as RunbookProblem {
            FileHandle.standardError.write(Data("sitrep: \(error)\n".utf8))
            throw ExitCode(66)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the runbooks in the runbook folders.")
        @OptionGroup var options: StoreOptions

        func run() throws {
            let items = try RunbookCommand.library(options).entries().map { entry in
                do {
                    return (
                        entry: entry, runbook: Optional(try RunbookParser.parse(fileAt: entry.path)),
                        error: String?.none
                    )
                } catch {
                    return (entry: entry, runbook: Runbook?.none, error: Optional("\(error)"))
                }
            }
            print(RunbookText.list(items), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a runbook's steps: section, title, command, risk, timeout.")
        @Argument(help: "Runbook name or path.") var runbook: String
        @Flag(name: .long, help: "Print the parsed runbook as JSON.") var json = false
        @OptionGroup var options: StoreOptions

        func run() throws {
            let parsed = try RunbookCommand.load(runbook, options: options)
            print(json ? try ExportJSON.encode(parsed) : RunbookText.show(parsed), terminator: json ? "\n" : "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check runbook files; prints file:line for every problem and exits 65 if there are any.",
            discussion: """
                A step whose fence is never closed is reported too: the runbook still shows and runs
                without that step, but the file needs fixing.
                """)
        @Argument(help: "Runbook files.") var paths: [String]

        func validate() throws {
            if paths.isEmpty { throw ValidationError("Name at least one runbook file.") }
        }

        func run() throws {
            var failed = false
            var missing = false
            for path in paths {
                do {
                    let runbook = try RunbookParser.parse(fileAt: path)
                    let stepProblems = RunbookText.cannotRun(runbook)
                    if runbook.problems.isEmpty, stepProblems.isEmpty {
                        print("\(path): ok (\(runbook.steps.count) steps)")
                    } else {
                        failed = true
                        for problem in runbook.problems { print(problem) }
                        for problem in stepProblems { print(problem) }
                    }
                } catch {
                    missing = true
                    FileHandle.standardError.write(Data("sitrep: \(error)\n".utf8))
                }
            }
            if failed { throw ExitCode(65) }
            if missing { throw ExitCode(66) }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a runbook on an incident, one confirmed step at a time; everything is recorded.",
            discussion: """
                Each step is shown (command, directory, variables, risk) and waits for y (low and
                medium risk) or its name typed out (high risk); s skips, q stops. At the end of input
                (a script with --yes reaching a high-risk step) the run stays open for a person to
                continue. Ctrl-C while a step runs cancels that step. A run that was interrupted
                continues where it left off. Exits 0 when the runbook completes, 1 when it is stopped
                or left open.
                """)
        @Argument(help: "Runbook name or path.") var runbook: String
        @Option(name: .long, help: ArgumentHelp("Incident key.", valueName: "key")) var incident: String
        @Option(
            name: .customLong("var"),
            help: ArgumentHelp("A variable value, NAME=VALUE (repeatable).", valueName: "NAME=VALUE"))
        var variables: [String] = []
        @Flag(name: .long, help: "Confirm low and medium risk steps without asking (high risk still asks).")
        var yes = false
        @Flag(name: .long, help: "Stop an unfinished run of this runbook on the incident and start afresh.")
        var restart = false
        @OptionGroup var options: StoreOptions

        func validate() throws {
            for assignment in variables where !assignment.contains("=") || assignment.hasPrefix("=") {
                throw ValidationError("--var \(assignment) is not NAME=VALUE.")
            }
        }

        func run() throws {
            let parsed = try RunbookCommand.load(runbook, options: options)
            guard parsed.isRunnable else {
                for problem in parsed.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
                FileHandle.standardError.write(Data("sitrep: fix the runbook before running it\n".utf8))
                throw ExitCode(65)
            }
            for problem in RunbookText.cannotRun(parsed) {
                FileHandle.standardError.write(Data("sitrep: \(problem)\n".utf8))
            }
            var preset: [String: String] = [:]
            for assignment in variables {
                let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                preset[String(parts[0])] = String(parts[1])
            }
            let state = try options.run(longLived: true) { store, author in
                _ = try store.incident(key: incident)
                let conversation = InteractiveRunbookRun(
                    runner: RunbookRunner(store: store), runbook: parsed, incidentKey: incident.uppercased(),
                    attribution: Attribution(author: author), presetVariables: preset, autoConfirm: yes,
                    restart: restart)
                return try AsyncBridge.wait { try await conversation.run() }
            }
            if state != .completed { throw ExitCode(1) }
        }
    }
}
