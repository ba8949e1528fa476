import ArgumentParser
import CommandLineSupport
import IncidentCore

struct SeverityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "severity", abstract: "Change an incident's severity (P0 worst … P3).")

    @Argument(help: "Incident key.") var key: String
    @Argument(help: "New severity.") var severity: Severity
    @Option(name: .long, help: "Why, recorded with the change.") var note: String?
    @OptionGroup var time: EventTimeOption
    @OptionGroup var options: StoreOptions

    func run() throws {
        let incident = try options.run { store, author in
            try store.changeSeverity(key: key, to: severity, note: note, by: time.attribution(author))
        }
        print("\(incident.key) \(incident.severity.rawValue)")
    }
}
