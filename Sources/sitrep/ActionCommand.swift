import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Track follow-up action items.",
        subcommands: [Add.self, List.self, Done.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an action item to an incident; prints its id.")

        @Argument(help: "Incident key.") var key: String
        @Argument(help: "What must be done.") var title: String
        @Option(name: .long, help: ArgumentHelp("Who owns it.", valueName: "name")) var owner: String?
        @Option(name: .long, help: ArgumentHelp("Due date.", valueName: "YYYY-MM-DD")) var due: String?
        @Option(name: .long, help: "Priority.") var priority: ActionItem.Priority = .medium
        @Option(name: .long, help: "Type.") var type: ActionItem.Category = .other
        @OptionGroup var time: EventTimeOption
        @OptionGroup var options: StoreOptions

        func validate() throws {
            if let due, Timestamp.parseDay(due) == nil {
                throw ValidationError("--due \(due) is not a calendar day like 2025-11-30.")
            }
            if title.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("The action item title must not be empty.")
            }
        }

        func run() throws {
            let draft = ActionItemDraft(title: title, owner: owner, dueDate: due, priority: priority, category: type)
            let item = try options.run { store, author in
                try store.addActionItem(key: key, draft: draft, by: time.attribution(author))
            }
            print(item.id ?? 0)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List action items (open ones unless --all), overdue and high priority first.")

        @Argument(help: "Only this incident's items.") var key: String?
        @Flag(name: .long, help: "Include done items.") var all = false
        @Flag(name: .long, help: "Print JSON.") var json = false
        @OptionGroup var options: StoreOptions

        func run() throws {
            let output = try options.run(readOnly: true) { store, _ in
                let items = try store.actionItems(key: key, includeDone: all)
                return json
                    ? try ExportJSON.encode(
                        items.map { IncidentExport.Action(incidentKey: $0.incidentKey, item: $0.item) })
                        + "\n"
                    : IncidentText.actions(items, today: Timestamp.day(Date()))
            }
            print(output, terminator: "")
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done", abstract: "Mark an action item done.")

        @Argument(help: "Action item id (as printed by `action add`).") var id: Int64
        @OptionGroup var time: EventTimeOption
        @OptionGroup var options: StoreOptions

        func run() throws {
            let item = try options.run { store, author in
                try store.completeActionItem(id: id, by: time.attribution(author))
            }
            print("#\(item.id ?? id) done")
        }
    }
}
