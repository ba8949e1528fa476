import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one incident: fields, milestones, roles, action items and timeline.")

    @Argument(help: "Incident key, e.g. INC-20251104-001.") var key: String
    @Flag(name: .long, help: "Print JSON (the same document as `export --json`).") var json = false
    @OptionGroup var options: StoreOptions

    func run() throws {
        let output = try options.run(readOnly: true) { store, _ in
            let detail = try store.detail(key: key)
            return json
                ? try ExportJSON.encode(IncidentExport(detail)) + "\n" : IncidentText.detail(detail, now: Date())
        }
        print(output, terminator: "")
    }
}
