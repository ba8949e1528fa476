import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export everything about one incident as JSON (stable field names, ISO-8601 UTC times, secrets redacted).",
        discussion: """
            Tokens, passwords and the config's `redact` patterns are replaced with [REDACTED]. With --all: the \
            whole store as a sitrep dump for `sitrep import` (every incident's records, timeline and hashes as \
            stored, runbook runs and handoffs); a dump is a backup, so it is not redacted.
            """)

    @Argument(help: "Incident key.") var key: String?
    @Flag(name: .long, help: "Every incident and handoff, as a dump `sitrep import` reads.") var all = false
    @Flag(name: .long, help: "JSON output (the only format for now; accepted for scripts that say so).")
    var json = false
    @OptionGroup var options: StoreOptions

    func validate() throws {
        if all, key != nil { throw ValidationError("give an incident key or --all, not both") }
        if !all, key == nil { throw ValidationError("give an incident key, or --all for the whole store") }
    }

    func run() throws {
        let output = try options.run(readOnly: true) { store, _ in
            if let key {
                let redactor = try SitrepConfig.load(path: options.paths.config).redactor()
                return try ExportJSON.encode(IncidentExport(store.detail(key: key).redacted(with: redactor)))
            }
            return try store.dump().json()
        }
        print(output)
    }
}
