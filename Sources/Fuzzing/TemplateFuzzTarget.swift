import IncidentCore

/// A postmortem template, rendered over a recorded incident: it either renders a draft ending in
/// one newline or is refused with an error naming the template and a line that exists.
public struct TemplateFuzzTarget: FuzzTarget {
    public static let name = "template"
    let report: PostmortemReport

    public init() throws {
        let store = try FuzzIncident.store()
        let key = try store.incidents(includeInactive: true).map(\.incident.key).min()!
        report = try PostmortemDraft.report(key: key, from: store)
    }

    public mutating func run(_ input: [UInt8]) {
        do {
            let template = try PostmortemTemplate(text: FuzzInput.text(input), source: "fuzz.mustache")
            let draft = template.render(report)
            precondition(draft.hasSuffix("\n") && !draft.hasSuffix("\n\n"), "a draft does not end in one newline")
        } catch let error as ConfigError {
            precondition(error.file == "fuzz.mustache", "an error names \(error.file)")
            FuzzInput.checkLine(error.line, in: input, what: "template error")
        } catch {
            preconditionFailure("template refused without a file and line: \(error)")
        }
    }
}
