import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct HandoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "Hand over the shift with a generated report; acknowledge and review handoffs.",
        discussion: """
            `sitrep handoff --to NAME` freezes a report of open incidents, open action items, failing
            health checks, runbook runs in progress and your notes, and records it in every open
            incident's timeline. The incoming engineer runs `sitrep handoff ack`.
            """,
        subcommands: [Create.self, Ack.self, List.self, Show.self], defaultSubcommand: Create.self)

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Hand over to someone (the default subcommand); prints the report.")

        @Option(name: .long, help: ArgumentHelp("Who takes over.", valueName: "name")) var to: String
        @Option(
            name: .long,
            help: ArgumentHelp("Notes for the incoming engineer (repeat for paragraphs).", valueName: "text"))
        var note: [String] = []
        @Flag(name: .long, help: "Also make them commander of every open incident.") var commander = false
        @Option(name: .long, help: "Output format.") var format: ReportFormat = .markdown
        @OptionGroup var time: EventTimeOption
        @OptionGroup var options: StoreOptions

        func validate() throws {
            if to.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--to must name the incoming engineer.")
            }
        }

        func run() throws {
            let request = HandoffRequest(to: to, notes: note.joined(separator: "\n\n"), transfersCommand: commander)
            let text = try options.run { store, author in
                let redactor = try SitrepConfig.load(path: options.paths.config).redactor()
                let handoff = try store.createHandoff(request, by: time.attribution(author))
                return try HandoffMarkdown.render(handoff, format: format, redactor: redactor)
            }
            print(text, terminator: "")
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: "Acknowledge a handoff (the newest unacknowledged one by default).")

        @Argument(help: "Handoff id.") var id: Int64?
        @OptionGroup var time: EventTimeOption
        @OptionGroup var options: StoreOptions

        func run() throws {
            let handoff = try options.run { store, author in
                try store.acknowledgeHandoff(id: id, by: time.attribution(author))
            }
            print(
                "handoff #\(handoff.id) from \(handoff.from) acknowledged by \(handoff.acknowledgedBy ?? "") at "
                    + Timestamp.iso(handoff.acknowledgedAt ?? handoff.createdAt))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "The handoff log, newest first, with acknowledgements.")

        @Option(name: .long, help: "Show at most this many.") var limit: Int?
        @Flag(name: .long, help: "Print JSON.") var json = false
        @OptionGroup var options: StoreOptions

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            let text = try options.run { store, _ in
                let handoffs = try store.handoffs(limit: limit)
                guard json else { return HandoffMarkdown.list(handoffs) }
                let redactor = try SitrepConfig.load(path: options.paths.config).redactor()
                return try ExportJSON.encode(handoffs.map { $0.redacted(with: redactor) }) + "\n"
            }
            print(text, terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one handoff and its frozen report.")

        @Argument(help: "Handoff id.") var id: Int64
        @Option(name: .long, help: "Output format.") var format: ReportFormat = .markdown
        @OptionGroup var options: StoreOptions

        func run() throws {
            let text = try options.run { store, _ in
                let redactor = try SitrepConfig.load(path: options.paths.config).redactor()
                return try HandoffMarkdown.render(store.handoff(id: id), format: format, redactor: redactor)
            }
            print(text, terminator: "")
        }
    }
}
