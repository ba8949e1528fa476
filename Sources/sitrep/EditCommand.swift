import ArgumentParser
import CommandLineSupport
import IncidentCore

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Set an incident's title, summary, impact, root cause or resolution.",
        discussion: "Each edit is a timeline entry keeping the old and new text.")

    @Argument(help: "Incident key.") var key: String
    @Argument(help: "Field to set.") var field: IncidentField
    @Argument(help: "New text (empty clears it, except the title).") var value: String
    @OptionGroup var time: EventTimeOption
    @OptionGroup var options: StoreOptions

    func run() throws {
        let incident = try options.run { store, author in
            try store.updateField(key: key, field: field, value: value, by: time.attribution(author))
        }
        print("\(incident.key) \(field.rawValue)")
    }
}
