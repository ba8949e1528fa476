import Foundation

/// Turns a timeline entry into the sentence a review reader expects ("Severity raised from P2 to
/// P1"), using the entry's details where the stored text is terse. Unknown kinds keep their text.
public enum TimelineSentence {
    /// How much command output a review line keeps; the step record keeps the rest.
    static let outputLimit = 300

    public static func sentence(for entry: TimelineEntry) -> String {
        sentence(kind: entry.kind, text: entry.text, details: entry.details)
    }

    /// From the stored columns; `details` is the entry's JSON, decoded only for kinds that need it.
    static func sentence(kind: TimelineKind?, text: String, details json: String) -> String {
        guard let kind else { return text }
        switch kind {
        case .note, .handoff, .action: return text
        case .decision: return "Decision: " + text
        case .comms: return "Comms update: " + text
        case .alert: return "Alert from " + text
        default: break
        }
        let details = decode(json)
        switch kind {
        case .status:
            guard let from = details["from"], let to = details["to"] else { return text }
            let note = details["note"].map { ": " + $0 } ?? ""
            if details["reopened"] == "true" { return "Reopened the incident (\(from) → \(to))\(note)" }
            return "Status changed from \(from) to \(to)\(note)"
        case .severity:
            guard let from = details["from"].flatMap(Severity.init(rawValue:)),
                let to = details["to"].flatMap(Severity.init(rawValue:))
            else { return text }
            let note = details["note"].map { ": " + $0 } ?? ""
            return "Severity \(to < from ? "raised" : "lowered") from \(from.rawValue) to \(to.rawValue)\(note)"
        case .role:
            guard let role = details["role"].flatMap(Role.init(rawValue:)) else { return text }
            switch (details["from"], details["to"]) {
            case (let from?, let to?): return "\(role.title.capitalizedFirst) changed from \(from) to \(to)"
            case (nil, let to?): return role == .responder ? "\(to) joined as responder" : "\(to) became \(role.title)"
            case (let from?, nil): return "\(from) stood down as \(role.title)"
            case (nil, nil): return text
            }
        case .field:
            guard let field = details["field"] else { return text }
            let label = field.replacingOccurrences(of: "-", with: " ").capitalizedFirst
            let to = details["to"] ?? ""
            if to.isEmpty { return "\(label) cleared" }
            return "\(label) \((details["from"] ?? "").isEmpty ? "recorded" : "updated"): \(to)"
        case .runbookStep:
            guard let command = details["command"], !command.isEmpty, !text.contains(command) else {
                return text
            }
            return text + " — " + code(command)
        case .commandOutput:
            let bytes = details["bytes"].map { " (\($0) bytes)" } ?? ""
            let excerpt = text.count > outputLimit ? String(text.prefix(outputLimit)) + " …" : text
            return "Command output\(bytes): " + code(excerpt)
        default:
            return text
        }
    }

    static func decode(_ json: String) -> [String: String] {
        guard json.utf8.count > 2,
            let object = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        else { return [:] }
        return object
    }

    /// A one-line code span that survives any backticks inside it: the fence is one longer than
    /// the longest run, and line breaks show as ↵ since a table cell cannot hold them in code.
    public static func code(_ original: String) -> String {
        let text = original.split(whereSeparator: \.isNewline).joined(separator: " ↵ ")
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") || text.hasPrefix(" ") ? " " : ""
        return fence + padding + text + padding + fence
    }
}
