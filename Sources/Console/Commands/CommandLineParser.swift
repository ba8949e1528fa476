import IncidentCore

/// Parses the `:` command line, which speaks the CLI's verbs (`note`, `status`, `sev`, `assign`,
/// `declare`, `action add|done`, `edit`), and completes their words with Tab.
public enum CommandLineParser {
    public static let verbs = [
        "note", "decision", "comms", "status", "severity", "sev", "assign", "unassign", "edit", "action", "declare",
        "handoff", "ack", "postmortem", "stats", "runbook", "all", "help", "quit",
    ]

    /// The command for `text`, acting on the incident `key` where one is needed.
    public static func parse(_ text: String, key: String?) -> Result<ParsedCommand, CommandLineError> {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return .failure(.init("type a command, e.g. note Rolled back 4512")) }
        let verb = words.removeFirst().lowercased()
        let rest = words.joined(separator: " ")
        func needKey() -> Result<String, CommandLineError> {
            key.map { .success($0) } ?? .failure(.init("select an incident first"))
        }
        switch verb {
        case "note", "decision", "comms":
            let kind: TimelineKind = verb == "note" ? .note : verb == "decision" ? .decision : .comms
            guard !rest.isEmpty else { return .failure(.init("usage: \(verb) TEXT")) }
            return needKey().map { .store(.note(key: $0, text: rest, kind: kind)) }
        case "status":
            guard let word = words.first, let move = StatusMove(argument: word) else {
                return .failure(.init("usage: status \(StatusMove.argumentWords.joined(separator: "|")) [note]"))
            }
            let note = words.dropFirst().joined(separator: " ")
            return needKey().map { .store(.status(key: $0, move: move, note: note.isEmpty ? nil : note)) }
        case "severity", "sev":
            guard let word = words.first, let severity = Severity(argument: word) else {
                return .failure(.init("usage: sev P0|P1|P2|P3 [note]"))
            }
            let note = words.dropFirst().joined(separator: " ")
            return needKey().map { .store(.severity(key: $0, severity: severity, note: note.isEmpty ? nil : note)) }
        case "assign", "unassign":
            guard words.count >= 2, let role = Role(rawValue: words[0].lowercased()) else {
                return .failure(.init("usage: \(verb) commander|scribe|comms|responder NAME"))
            }
            let person = words.dropFirst().joined(separator: " ")
            return needKey().map {
                .store(
                    verb == "assign"
                        ? .assign(key: $0, role: role, person: person) : .release(key: $0, role: role, person: person))
            }
        case "edit":
            guard let word = words.first, let field = IncidentField(rawValue: word.lowercased()) else {
                return .failure(.init("usage: edit title|summary|impact|root-cause|resolution TEXT"))
            }
            return needKey().map {
                .store(.edit(key: $0, field: field, value: words.dropFirst().joined(separator: " ")))
            }
        case "action":
            return parseAction(words, key: key)
        case "declare":
            return parseDeclare(words)
        case "handoff":
            guard let person = words.first else { return .failure(.init("usage: handoff NAME [notes]")) }
            return .success(.store(.handoff(to: person, notes: words.dropFirst().joined(separator: " "))))
        case "ack":
            return .success(.store(.acknowledgeHandoff))
        case "postmortem":
            return needKey().map { .store(.writePostmortem(key: $0)) }
        case "runbook":
            let restart = words.count == 2 && words[1] == "--restart"
            guard words.count == 1 || restart else { return .failure(.init("usage: runbook NAME|PATH [--restart]")) }
            return needKey().map { .attachRunbook(nameOrPath: words[0], key: $0, restart: restart) }
        case "stats":
            return .success(.insights(words))
        case "all":
            return .success(.toggleAll)
        case "help":
            return .success(.help)
        case "quit", "q":
            return .success(.quit)
        default:
            return .failure(.init("unknown command \(verb); try: \(verbs.joined(separator: ", "))"))
        }
    }

    static func parseAction(_ words: [String], key: String?) -> Result<ParsedCommand, CommandLineError> {
        guard let sub = words.first?.lowercased() else {
            return .failure(.init("usage: action add TITLE | action done ID"))
        }
        if sub == "done" {
            guard words.count == 2, let id = Int64(words[1].trimmingCharacters(in: ["#"])) else {
                return .failure(.init("usage: action done ID"))
            }
            return .success(.store(.completeAction(id: id)))
        }
        guard sub == "add" else { return .failure(.init("usage: action add TITLE | action done ID")) }
        var draft = ActionItemDraft(title: "")
        var title: [String] = []
        var index = 1
        while index < words.count {
            let word = words[index]
            let value = index + 1 < words.count ? words[index + 1] : nil
            switch word {
            case "--owner":
                draft.owner = value
                index += 2
            case "--due":
                draft.dueDate = value
                index += 2
            case "--priority":
                guard let priority = value.flatMap(ActionItem.Priority.init(rawValue:)) else {
                    return .failure(.init("--priority takes high, medium or low"))
                }
                draft.priority = priority
                index += 2
            case "--type":
                guard let category = value.flatMap(ActionItem.Category.init(rawValue:)) else {
                    return .failure(.init("--type takes mitigate, prevent, process or other"))
                }
                draft.category = category
                index += 2
            default:
                title.append(word)
                index += 1
            }
        }
        draft.title = title.joined(separator: " ")
        guard !draft.title.isEmpty else {
            return .failure(.init("usage: action add TITLE [--owner NAME] [--due YYYY-MM-DD]"))
        }
        guard let key else { return .failure(.init("select an incident first")) }
        return .success(.store(.addAction(key: key, draft: draft)))
    }

    static func parseDeclare(_ words: [String]) -> Result<ParsedCommand, CommandLineError> {
        var remaining = words
        guard let first = remaining.first, let severity = Severity(argument: first) else {
            return .failure(.init("usage: declare P0|P1|P2|P3 TITLE [--service NAME]"))
        }
        remaining.removeFirst()
        var services: [String] = []
        var title: [String] = []
        var index = 0
        while index < remaining.count {
            if remaining[index] == "--service", index + 1 < remaining.count {
                services.append(remaining[index + 1])
                index += 2
            } else {
                title.append(remaining[index])
                index += 1
            }
        }
        guard !title.isEmpty else { return .failure(.init("usage: declare P0|P1|P2|P3 TITLE [--service NAME]")) }
        return .success(
            .store(
                .declare(
                    IncidentDeclaration(title: title.joined(separator: " "), severity: severity, services: services))))
    }

    /// Completes the word being typed (runbook names from `runbooks`); returns the new text, or
    /// the candidates when ambiguous.
    public static func complete(_ text: String, runbooks: [String] = []) -> (text: String, candidates: [String]) {
        let endsWithSpace = text.hasSuffix(" ")
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let partial = endsWithSpace ? "" : (words.popLast() ?? "")
        let options: [String]
        switch words.first?.lowercased() {
        case nil: options = verbs
        case "status" where words.count == 1: options = StatusMove.argumentWords
        case "severity", "sev": options = words.count == 1 ? Severity.allCases.map(\.rawValue) : []
        case "assign", "unassign": options = words.count == 1 ? Role.allCases.map(\.rawValue) : []
        case "edit": options = words.count == 1 ? IncidentField.allCases.map(\.rawValue) : []
        case "action": options = words.count == 1 ? ["add", "done"] : []
        case "declare": options = words.count == 1 ? Severity.allCases.map(\.rawValue) : []
        case "runbook": options = words.count == 1 ? runbooks : []
        default: options = []
        }
        let matches = options.filter { $0.lowercased().hasPrefix(partial.lowercased()) }
        let prefix = words.isEmpty ? "" : words.joined(separator: " ") + " "
        if matches.count == 1 { return (prefix + matches[0] + " ", []) }
        if matches.count > 1 {
            let common = matches.dropFirst().reduce(matches[0]) { shared, word in
                String(zip(shared, word).prefix { $0 == $1 }.map(\.0))
            }
            return (prefix + (common.count > partial.count ? common : partial), matches)
        }
        return (text, [])
    }
}
