import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check that no timeline was edited, reordered or cut behind sitrep's back.",
        discussion: "Exits 0 when every hash chain holds, 65 naming the first entry that does not match.")

    @Argument(help: "Only this incident.") var key: String?
    @OptionGroup var options: StoreOptions

    func run() throws {
        let report = try options.run(readOnly: true) { store, _ in try store.verifyChains(key: key) }
        if let broken = report.firstBreak {
            FileHandle.standardError.write(
                Data("sitrep: \(broken.incidentKey) entry \(broken.sequence): \(broken.reason)\n".utf8))
            throw ExitCode(65)
        }
        print("ok: \(report.entriesChecked) entries in \(report.incidentsChecked) incidents verified")
    }
}
