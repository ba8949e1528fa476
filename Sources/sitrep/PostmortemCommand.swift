import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct PostmortemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem", abstract: "Write a post-incident review draft from the recorded incident.",
        discussion: """
            Markdown by default, from the built-in template, a Mustache file given with --template,
            or `postmortem-template:` in config.yaml. Secrets in the recorded text are replaced with
            [REDACTED] (built-in patterns plus `redact:` in config.yaml). The same database always
            gives the same bytes. With -o, prints the path written.
            """)

    @Argument(help: "Incident key.") var key: String
    @Option(
        name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file.", valueName: "file"))
    var output: String?
    @Option(name: .long, help: ArgumentHelp("Mustache template (Markdown format only).", valueName: "file"))
    var template: String?
    @Option(name: .long, help: "Output format.") var format: ReportFormat = .markdown
    @Flag(name: .customLong("no-diagram"), help: "Leave out the Mermaid diagram of the incident.")
    var noDiagram = false
    @OptionGroup var options: StoreOptions

    func validate() throws {
        if template != nil, format != .markdown {
            throw ValidationError("--template applies to --format markdown only.")
        }
        if let template, !FileManager.default.fileExists(atPath: template) {
            throw ValidationError("--template \(template): no such file.")
        }
    }

    func run() throws {
        let text = try options.run { store, _ in
            let settings = try SitrepConfig.load(path: options.paths.config)
            let redactor = try settings.redactor()
            let templateFile = format == .markdown ? template ?? settings.postmortemTemplate : nil
            let chosen = try templateFile.map(PostmortemTemplate.load) ?? .standard
            if let output {
                return try PostmortemDraft.write(
                    key: key, from: store, to: output, format: format, template: chosen, redactor: redactor,
                    diagram: !noDiagram) + "\n"
            }
            return try PostmortemDraft.render(
                key: key, from: store, format: format, template: chosen, redactor: redactor, diagram: !noDiagram)
        }
        print(text, terminator: "")
    }
}

extension ReportFormat: ExpressibleByArgument {}
