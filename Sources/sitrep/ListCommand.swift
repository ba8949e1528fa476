import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List open incidents, worst severity first, then oldest first.")

    @Flag(name: .long, help: "Include resolved and closed incidents.") var all = false
    @Flag(name: .long, help: "Print JSON.") var json = false
    @OptionGroup var options: StoreOptions

    func run() throws {
        let output = try options.run(readOnly: true) { store, _ in
            let summaries = try store.incidents(includeInactive: all)
            return json
                ? try ExportJSON.encode(summaries.map(IncidentListing.init)) + "\n"
                : IncidentText.list(summaries, now: Date())
        }
        print(output, terminator: "")
    }
}
