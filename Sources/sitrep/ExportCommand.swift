import ArgumentParser
import CommandLineSupport
import IncidentCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything about one incident as JSON (stable field names, ISO-8601 UTC times).")

    @Argument(help: "Incident key.") var key: String
    @Flag(name: .long, help: "JSON output (the only format for now; accepted for scripts that say so).")
    var json = false
    @OptionGroup var options: StoreOptions

    func run() throws {
        let output = try options.run(readOnly: true) { store, _ in
            try ExportJSON.encode(IncidentExport(store.detail(key: key)))
        }
        print(output)
    }
}
