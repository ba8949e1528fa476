import CCMark
import Crypto
import Foundation

/// Turns a Markdown runbook into a `Runbook` by walking libcmark's CommonMark tree, so fences in
/// list items, `~~~` fences and longer fences come out exactly as a Markdown renderer shows them.
public struct RunbookParser {
    /// Info-string languages that run through the shell.
    static let shellLanguages: Set<String> = ["sh", "bash", "shell"]
    /// Attributes sitrep acts on.
    static let knownAttributes: Set<String> = [
        "name", "timeout", "cwd", "interpreter", "promptEnv", "risk", "expect",
    ]
    /// runme attributes that mean nothing here but are accepted, so runme notebooks check clean.
    static let ignoredAttributes: Set<String> = [
        "id", "interactive", "excludeFromRunAll", "category", "closeTerminalOnSuccess", "terminalRows",
        "mimeType", "background",
    ]

    let path: String
    let bytes: [UInt8]
    /// Byte offset where each line starts (index 0 is line 1), for checking fence lines.
    let lineStarts: [Int]

    var title = ""
    var metadata: [RunbookMetadataItem] = []
    var overview = ""
    var steps: [RunbookStep] = []
    var problems: [RunbookProblem] = []
    var section = ""
    var heading = ""
    var summary: [String] = []
    var pendingRisk: RiskLevel?
    /// Explicit `name=` values and where they were first used.
    var explicitNames: [String: Int] = [:]
    var usedIds: Set<String> = []

    /// Reads and parses the file at `path`; a file that cannot be read throws a `RunbookProblem` at line 1.
    public static func parse(fileAt path: String) throws -> Runbook {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw RunbookProblem(file: path, line: 1, message: reason)
        }
        return parse(Array(data), path: path)
    }

    public static func parse(_ text: String, path: String) -> Runbook {
        parse(Array(text.utf8), path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) -> Runbook {
        var parser = RunbookParser(path: path, bytes: bytes)
        return parser.run()
    }

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 30 + 1)
        for (offset, byte) in bytes.enumerated() where byte == 10 {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    mutating func run() -> Runbook {
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_parse_document(characters.baseAddress, characters.count, CMARK_OPT_VALIDATE_UTF8)
            }
        }
        if let document {
            walk(MarkdownNode(pointer: document).children)
            cmark_node_free(document)
        }
        if title.isEmpty {
            problems.append(RunbookProblem(file: path, line: 1, message: "no `# Runbook: Title` heading"))
            title = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        problems.sort { $0.line < $1.line }
        let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return Runbook(
            path: path, title: title, metadata: metadata, overview: overview, steps: steps, contentHash: hash,
            problems: problems)
    }

    mutating func walk(_ nodes: [MarkdownNode]) {
        for node in nodes {
            switch node.type {
            case CMARK_NODE_HEADING:
                enterHeading(node)
            case CMARK_NODE_PARAGRAPH:
                paragraph(node)
            case CMARK_NODE_LIST:
                for item in node.children { listItem(item) }
            case CMARK_NODE_CODE_BLOCK:
                codeBlock(node, summary: summary.joined(separator: " "))
                summary = []
            case CMARK_NODE_BLOCK_QUOTE:
                walk(node.children)
            default:
                break
            }
        }
    }

    mutating func enterHeading(_ node: MarkdownNode) {
        let text = node.plainText
        summary = []
        pendingRisk = nil
        switch node.headingLevel {
        case 1 where title.isEmpty:
            title = Self.strippingRunbookPrefix(text)
            section = ""
            heading = title
        case 1, 2:
            section = text
            heading = text
        default:
            heading = text
        }
    }

    static func strippingRunbookPrefix(_ text: String) -> String {
        let lowered = text.lowercased()
        for prefix in ["runbook:", "runbook -", "runbook —"] where lowered.hasPrefix(prefix) {
            return MarkdownNode.trimmed(String(text.dropFirst(prefix.count)))
        }
        return text
    }

    var inMetadata: Bool { section.caseInsensitiveCompare("Metadata") == .orderedSame }

    mutating func paragraph(_ node: MarkdownNode) {
        let text = node.plainText
        if let risk = riskLine(text, line: node.startLine) {
            pendingRisk = risk
            return
        }
        if inMetadata, let item = Self.metadataItem(text) {
            metadata.append(item)
            return
        }
        if overview.isEmpty, section.isEmpty || section.caseInsensitiveCompare("Overview") == .orderedSame {
            overview = text
        }
        summary.append(text)
    }

    /// `**Risk level**: High` (or `Risk: high`) above a block sets the risk of the blocks that follow it.
    mutating func riskLine(_ text: String, line: Int) -> RiskLevel? {
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "r") else { return nil }
        let lowered = text.lowercased()
        guard let prefix = ["risk level:", "risk level :", "risk:"].first(where: { lowered.hasPrefix($0) }) else {
            return nil
        }
        let value = MarkdownNode.trimmed(String(text.dropFirst(prefix.count)))
        let word = value.prefix { $0.isLetter }
        guard let risk = RiskLevel(text: String(word)) else {
            problems.append(
                RunbookProblem(file: path, line: line, message: "unknown risk level `\(value)` (low, medium, high)"))
            return nil
        }
        return risk
    }

    static func metadataItem(_ text: String) -> RunbookMetadataItem? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = MarkdownNode.trimmed(String(text[..<colon]))
        let value = MarkdownNode.trimmed(String(text[text.index(after: colon)...]))
        guard !key.isEmpty else { return nil }
        return RunbookMetadataItem(key: key, value: value)
    }

    mutating func listItem(_ item: MarkdownNode) {
        let children = item.children
        let lead = children.first { $0.type == CMARK_NODE_PARAGRAPH }?.plainText ?? ""
        if inMetadata, let entry = Self.metadataItem(lead), !item.contains(CMARK_NODE_CODE_BLOCK) {
            metadata.append(entry)
            return
        }
        let task = Self.taskText(lead)
        if item.contains(CMARK_NODE_CODE_BLOCK) {
            let saved = summary
            summary = [task ?? lead].filter { !$0.isEmpty }
            for child in children {
                switch child.type {
                case CMARK_NODE_PARAGRAPH where child.plainText == lead:
                    continue
                case CMARK_NODE_PARAGRAPH:
                    paragraph(child)
                default:
                    walk([child])
                }
            }
            summary = saved
        } else if let task {
            addManualStep(task, line: item.startLine)
        } else {
            for child in children where child.type == CMARK_NODE_LIST {
                for nested in child.children { listItem(nested) }
            }
        }
    }

    /// The text after `[ ]`/`[x]` when the item is a task-list item (CommonMark leaves the box as text).
    static func taskText(_ text: String) -> String? {
        for box in ["[ ]", "[x]", "[X]"] where text.hasPrefix(box + " ") || text == box {
            return MarkdownNode.trimmed(String(text.dropFirst(box.count)))
        }
        return nil
    }

    mutating func addManualStep(_ text: String, line: Int) {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        steps.append(
            RunbookStep(
                id: uniqueId(Self.slug(firstLine)), number: steps.count + 1, kind: .manual, section: section,
                title: firstLine, summary: heading, command: text, risk: pendingRisk ?? .medium, line: line))
    }

    // MARK: - Code blocks

    /// The bytes of line `line` (1-based) without its newline.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return bytes[start..<end]
    }

    /// The fence character and its length when the block opens with one (an indented block has none).
    func openingFence(_ node: MarkdownNode) -> (character: UInt8, length: Int)? {
        let line = lineBytes(node.startLine)
        var index = line.startIndex + max(node.startColumn - 1, 0)
        while index < line.endIndex, line[index] == 32 || line[index] == 9 || line[index] == 62 { index += 1 }
        guard index < line.endIndex, line[index] == 96 || line[index] == 126 else { return nil }
        let character = line[index]
        var length = 0
        while index < line.endIndex, line[index] == character {
            length += 1
            index += 1
        }
        return length >= 3 ? (character, length) : nil
    }

    func isClosed(_ node: MarkdownNode, fence: (character: UInt8, length: Int)) -> Bool {
        guard node.endLine > node.startLine else { return false }
        let line = lineBytes(node.endLine)
        var index = line.startIndex
        while index < line.endIndex, line[index] == 32 || line[index] == 9 || line[index] == 62 { index += 1 }
        var length = 0
        while index < line.endIndex, line[index] == fence.character {
            length += 1
            index += 1
        }
        guard length >= fence.length else { return false }
        return line[index...].allSatisfy { $0 == 32 || $0 == 9 }
    }

    mutating func codeBlock(_ node: MarkdownNode, summary: String) {
        guard let fence = openingFence(node) else { return }
        let line = node.startLine
        func problem(_ message: String) {
            problems.append(RunbookProblem(file: path, line: line, message: message))
        }
        let fenceText = String(repeating: Character(UnicodeScalar(fence.character)), count: fence.length)
        if !isClosed(node, fence: fence) {
            problem("the \(fenceText) fence opened here is never closed")
        }
        let info = FenceInfo(node.fenceInfo)
        for error in info.errors { problem("bad info string: \(error)") }
        var step = RunbookStep(
            id: "", number: steps.count + 1, kind: .snippet, section: section, title: heading, summary: summary,
            command: node.literal, language: info.language, risk: pendingRisk ?? .medium, line: line)
        var explicitName: String?
        var seenKeys = Set<String>()
        for (key, value) in info.attributes {
            if !seenKeys.insert(key).inserted { problem("attribute `\(key)` is given twice") }
            switch key {
            case "name":
                if value.isEmpty || !value.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
                    problem("step name `\(value)` may only use letters, digits, `-`, `_` and `.`")
                }
                explicitName = value
            case "timeout":
                if let seconds = DurationText.seconds(value) {
                    step.timeout = seconds
                } else {
                    problem("bad timeout `\(value)` (use 30s, 5m, 1h, 1m30s or seconds)")
                }
            case "cwd":
                step.workingDirectory = value.isEmpty ? nil : value
            case "interpreter":
                let words = value.split(whereSeparator: \.isWhitespace).map(String.init)
                if words.isEmpty { problem("`interpreter` is empty") } else { step.interpreter = words }
            case "promptEnv":
                if let prompt = PromptEnvironment(attribute: value) {
                    step.promptEnvironment = prompt
                } else {
                    problem("bad promptEnv `\(value)` (yes, no or auto)")
                }
            case "risk":
                if let risk = RiskLevel(text: value) {
                    step.risk = risk
                } else {
                    problem("unknown risk `\(value)` (low, medium, high)")
                }
            case "expect":
                if value.isEmpty { problem("`expect` is empty") } else { step.expect = value }
            default:
                if !Self.ignoredAttributes.contains(key) {
                    problem(
                        "unknown attribute `\(key)` (known: \(Self.knownAttributes.sorted().joined(separator: ", ")))")
                }
            }
        }
        let isShell = Self.shellLanguages.contains(info.language)
        if isShell || step.interpreter != nil {
            step.kind = .command
        }
        if isShell, step.interpreter == nil {
            step.variables = ShellVariables.used(in: step.command)
        }
        if step.kind == .command, MarkdownNode.trimmed(step.command).isEmpty {
            problem("the step `\(explicitName ?? heading)` has an empty command")
        }
        if let name = explicitName {
            if let first = explicitNames[name] {
                problem("duplicate step name `\(name)` (first used at line \(first))")
                step.id = uniqueId(name)
            } else {
                explicitNames[name] = line
                if usedIds.contains(name) {
                    renameAutomatic(name)
                }
                usedIds.insert(name)
                step.id = name
            }
        } else {
            step.id = uniqueId(Self.slug(heading.isEmpty ? "step-\(step.number)" : heading))
        }
        steps.append(step)
    }

    /// An explicit name wins over an automatic id that happened to match it earlier.
    mutating func renameAutomatic(_ id: String) {
        guard let index = steps.firstIndex(where: { $0.id == id }) else { return }
        usedIds.remove(id)
        steps[index].id = uniqueId(id)
    }

    mutating func uniqueId(_ base: String) -> String {
        var candidate = base.isEmpty ? "step" : base
        var counter = 2
        while usedIds.contains(candidate) || explicitNames[candidate] != nil {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        usedIds.insert(candidate)
        return candidate
    }

    /// `Check pool status (primary)` → `check-pool-status-primary`: typable, stable ids from titles.
    static func slug(_ text: String) -> String {
        var output = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !output.isEmpty { output += "-" }
                output.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        guard output.count > 40 else { return output }
        let cut = output.prefix(40)
        return String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
    }
}
