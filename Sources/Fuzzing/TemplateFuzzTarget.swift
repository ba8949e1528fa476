import IncidentCore

/// A postmortem template, rendered over a recorded incident: it either renders a draft ending in
/// one line break or is refused with an error naming the template and a line that exists.
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
            var body = Array(draft.utf8)
            precondition(body.last == 10, "a draft does not end in a line break")
            body.removeLast(body.count >= 2 && body[body.count - 2] == 13 ? 2 : 1)
            precondition(body.last != 10 && body.last != 13, "a draft ends in more than one line break")
        } catch let error as ConfigError {
            precondition(error.file == "fuzz.mustache", "an error names \(error.file)")
            FuzzInput.checkLine(error.line, in: input, what: "template error")
        } catch {
            preconditionFailure("template refused without a file and line: \(error)")
        }
    }
}
