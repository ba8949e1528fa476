import ArgumentParser
import CommandLineSupport
import IncidentCore

struct DeclareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declare", abstract: "Declare a new incident and print its key.",
        discussion: "Example: sitrep declare \"Checkout API returning 500s\" --severity P1 --service checkout")

    @Argument(help: "What is wrong, in a line.") var title: String
    @Option(name: .long, help: "P0 (critical) to P3 (low).") var severity: Severity
    @Option(name: .long, help: ArgumentHelp("Affected service (repeat for several).", valueName: "name"))
    var service: [String] = []
    @Option(name: .long, help: ArgumentHelp("A label (repeat for several).", valueName: "tag")) var tag: [String] = []
    @Option(name: .long, help: "What is known so far.") var summary: String = ""
    @Option(name: .long, help: ArgumentHelp("Incident commander.", valueName: "name")) var commander: String?
    @Flag(name: .long, help: "Mark it as a drill (game day), not a real incident.") var drill = false
    @Option(
        name: .customLong("detected-at"),
        help: ArgumentHelp("When the problem was first noticed, if before the declaration.", valueName: "time"))
    var detectedAt: EventTime?
    @OptionGroup var time: EventTimeOption
    @OptionGroup var options: StoreOptions

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("The title must not be empty.")
        }
    }

    func run() throws {
        let declaration = IncidentDeclaration(
            title: title, severity: severity, services: service, tags: tag, summary: summary, commander: commander,
            isDrill: drill, detectedAt: detectedAt?.date)
        let incident = try options.run { store, author in
            try store.declareIncident(declaration, by: time.attribution(author))
        }
        print(incident.key)
    }
}
