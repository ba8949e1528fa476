import ArgumentParser
import CommandLineSupport
import IncidentCore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Move an incident along its lifecycle.",
        discussion: """
            Lifecycle: detected → acknowledged → investigating → mitigated → resolved → closed.
            Skipping forward is fine; moving back is refused. `reopened` takes a mitigated, resolved
            or closed incident back to investigating. Each move stamps its milestone.
            """)

    @Argument(help: "Incident key.") var key: String
    @Argument(help: "New status.") var status: StatusMove
    @Option(name: .long, help: "Why, recorded with the change.") var note: String?
    @OptionGroup var time: EventTimeOption
    @OptionGroup var options: StoreOptions

    func run() throws {
        let incident = try options.run { store, author in
            try store.changeStatus(key: key, move: status, note: note, by: time.attribution(author))
        }
        print("\(incident.key) \(incident.status.rawValue)")
    }
}
