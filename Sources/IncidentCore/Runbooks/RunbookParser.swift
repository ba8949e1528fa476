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
    let source: MarkdownSource
    /// Lines on which some block of the tree starts: a line that ended an unclosed fence's
    /// container starts a block of its own, where a closing fence never does.
    var blockStarts: Set<Int> = []

    var title = ""
    var titleSource = RunbookTitleSource.fileName
    /// The heading the title was taken from (or, under a front matter title, the first level-1
    /// heading); as a level-1 heading it is not a section.
    var titleLine: Int?
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
        source = MarkdownSource(bytes)
    }

    mutating func run() -> Runbook {
        var markdown = source.bytes
        let frontMatter = RunbookFrontMatter.read(source, path: path)
        if let frontMatter {
            markdown = frontMatter.blanked(source)
            if let error = frontMatter.error {
                problems.append(RunbookProblem(file: path, line: error.line ?? 1, message: error.message))
            }
        }
        let document = markdown.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_parse_document(characters.baseAddress, characters.count, CMARK_OPT_VALIDATE_UTF8)
            }
        }
        if let document {
            let root = MarkdownNode(pointer: document)
            root.collectBlockStartLines(into: &blockStarts)
            chooseTitle(root.children, frontMatterTitle: frontMatter?.title)
            walk(root.children)
            cmark_node_free(document)
        }
        if title.isEmpty {
            title = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            titleSource = .fileName
        }
        problems.sort { $0.line < $1.line }
        let hash = SHA256.hash(data: source.bytes).map { String(format: "%02x", $0) }.joined()
        return Runbook(
            path: path, title: title, metadata: metadata, overview: overview, steps: steps, contentHash: hash,
            problems: problems, titleSource: titleSource)
    }

    /// The `# Runbook: …` heading, else the front matter's title, else the first heading (the file
    /// name is the caller's last resort). Only top-level headings count.
    mutating func chooseTitle(_ nodes: [MarkdownNode], frontMatterTitle: String?) {
        let headings = nodes.filter { $0.type == CMARK_NODE_HEADING }.map { (node: $0, text: $0.plainText) }
        if let chosen = headings.first(where: { $0.node.headingLevel == 1 && Self.runbookTitle($0.text) != nil }) {
            title = Self.runbookTitle(chosen.text)!
            titleSource = .runbookHeading
            titleLine = chosen.node.startLine
        } else if let frontMatterTitle {
            title = frontMatterTitle
            titleSource = .frontMatter
            // The document's own level-1 heading is still its heading, not a section.
            titleLine = headings.first { $0.node.headingLevel == 1 }?.node.startLine
        } else if let chosen = headings.first(where: { !Self.strippingRunbookPrefix($0.text).isEmpty }) {
            title = Self.strippingRunbookPrefix(chosen.text)
            titleSource = .firstHeading
            titleLine = chosen.node.startLine
        }
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
        case 1 where node.startLine == titleLine:
            section = ""
            heading = Self.strippingRunbookPrefix(text)
        case 1, 2:
            section = text
            heading = text
        default:
            heading = text
        }
    }

    /// The title after a `Runbook:` (or `Runbook -`, `Runbook —`) prefix; nil without one or when empty.
    static func runbookTitle(_ text: String) -> String? {
        let lowered = text.lowercased()
        for prefix in ["runbook:", "runbook -", "runbook —"] where lowered.hasPrefix(prefix) {
            let rest = MarkdownNode.trimmed(String(text.dropFirst(prefix.count)))
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    static func strippingRunbookPrefix(_ text: String) -> String {
        runbookTitle(text) ?? text
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

    /// Every task item is a manual step, nested ones too, in document order; its own first
    /// paragraph is its title, and its sub-items follow it as steps of their own.
    mutating func listItem(_ item: MarkdownNode) {
        let children = item.children
        let lead = children.first.flatMap { $0.type == CMARK_NODE_PARAGRAPH ? $0 : nil }
        let leadText = lead?.plainText ?? ""
        let hasCode = item.contains(CMARK_NODE_CODE_BLOCK)
        if inMetadata, let entry = Self.metadataItem(leadText), !hasCode {
            metadata.append(entry)
            return
        }
        let task = Self.taskText(leadText)
        if let task { addManualStep(task, line: item.startLine) }
        guard hasCode else {
            for child in children where child.type == CMARK_NODE_LIST {
                for nested in child.children { listItem(nested) }
            }
            return
        }
        let saved = summary
        summary = [task ?? leadText].filter { !$0.isEmpty }
        for (index, child) in children.enumerated() {
            switch child.type {
            case CMARK_NODE_PARAGRAPH where index == 0:
                continue
            case CMARK_NODE_PARAGRAPH:
                paragraph(child)
            default:
                walk([child])
            }
        }
        summary = saved
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

    /// A fenced block becomes a step; an indented one is prose. A block whose fence is never closed
    /// is kept as a step that cannot run, so the rest of the runbook still can.
    mutating func codeBlock(_ node: MarkdownNode, summary: String) {
        guard let fence = CodeFence(opening: node, in: source) else { return }
        let line = node.startLine
        func problem(_ message: String) {
            problems.append(RunbookProblem(file: path, line: line, message: message))
        }
        let info = FenceInfo(node.fenceInfo)
        for error in info.errors { problem("bad info string: \(error)") }
        var step = RunbookStep(
            id: "", number: steps.count + 1, kind: .snippet, section: section, title: heading, summary: summary,
            command: node.literal, language: info.language, risk: pendingRisk ?? .medium, line: line)
        if !fence.isClosed(node, in: source, blockStarts: blockStarts) {
            step.problem = RunbookProblem(
                file: path, line: line, message: "the \(fence.text) fence opened here is never closed")
        }
        var otherAttributes: [String: String] = [:]
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
                if !info.isJSON, !Self.ignoredAttributes.contains(key) {
                    problem(
                        "unknown attribute `\(key)` (known: \(Self.knownAttributes.sorted().joined(separator: ", ")))")
                }
                otherAttributes[key] = value
            }
        }
        if !otherAttributes.isEmpty { step.otherAttributes = otherAttributes }
        if step.interpreter == nil,
            let session = ShellSession(
                literal: node.literal, language: info.language, shellLanguages: Self.shellLanguages)
        {
            step.command = session.command
            step.sessionPrompt = session.prompt
        }
        let isShell = Self.shellLanguages.contains(info.language) || step.sessionPrompt != nil
        if isShell || step.interpreter != nil {
            step.kind = .command
        }
        if isShell, step.interpreter == nil, step.problem == nil {
            step.variables = ShellVariables.used(in: step.command)
        }
        if step.kind == .command, step.problem == nil, MarkdownNode.trimmed(step.command).isEmpty {
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
