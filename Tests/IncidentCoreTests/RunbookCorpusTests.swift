import CCMark
import Foundation
import Testing

@testable import IncidentCore

/// Runbooks in the shapes on-call teams publish (alert pages, checklists, runme notebooks, front
/// matter, shell sessions, broken fences), written for these tests. Each is checked against
/// libcmark's own tree, walked here without the parser: every fenced shell block and every task
/// item is exactly one step, in document order.
@Suite struct RunbookCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("RunbookCorpus").path

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }
            .sorted().map { folder + "/" + $0 }
    }

    /// A step the tree says the file has.
    struct TreeStep: Equatable, CustomStringConvertible {
        var line: Int
        var kind: RunbookStepKind
        /// The code block's text as CommonMark reads it; empty for a task item.
        var literal: String

        var description: String { "\(kind.rawValue)@\(line)" }
    }

    static let shellWords: Set<String> = ["sh", "bash", "shell", "console", "shell-session", "sh-session"]

    /// Fenced shell blocks (by their info string, or an untagged top-level fence opening on `$ `)
    /// and list items whose line starts with a task box.
    static func treeSteps(_ bytes: [UInt8]) -> [TreeStep] {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, 0) }
        }
        guard let document, let iterator = cmark_iter_new(document) else { return [] }
        defer {
            cmark_iter_free(iterator)
            cmark_node_free(document)
        }
        var found: [TreeStep] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            let source = lines.indices.contains(line - 1) ? String(lines[line - 1]) : ""
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:
                let info = String(cString: cmark_node_get_fence_info(node))
                let literal = String(cString: cmark_node_get_literal(node))
                let language = info.prefix { !$0.isWhitespace && $0 != "{" }.lowercased()
                let indent = source.prefix { $0 == " " }.count
                let untaggedSession =
                    language.isEmpty && indent < 4 && source.dropFirst(indent).hasPrefix("```")
                    && literal.split(separator: "\n").first?.hasPrefix("$ ") == true
                if shellWords.contains(language) || untaggedSession {
                    found.append(TreeStep(line: line, kind: .command, literal: literal))
                }
            case CMARK_NODE_ITEM:
                // After the indent and the list marker (`-`, `*`, `1.`).
                var text = Substring(source)
                text = text.drop(while: { $0 == " " })
                text = text.drop(while: { $0 != " " })
                text = text.drop(while: { $0 == " " })
                if ["[ ] ", "[x] ", "[X] "].contains(where: text.hasPrefix) {
                    found.append(TreeStep(line: line, kind: .manual, literal: ""))
                }
            default:
                break
            }
        }
        return found
    }

    /// The line of the first line containing `text`, so expectations survive edits above it.
    static func line(containing text: String, in file: String) throws -> Int {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func theCorpusCoversEveryShape() {
        let names = Self.files.map { ($0 as NSString).lastPathComponent }
        #expect(
            names == [
                "alert-indented-example.md", "fleet-checklist.md", "front-matter-title.md", "runme-notebook.md",
                "sections-only.md", "shell-sessions.md", "template-without-headings.md", "unclosed-fence-at-end.md",
                "unclosed-fence-in-list.md",
            ])
    }

    @Test(arguments: files)
    func everyShellBlockAndTaskItemIsExactlyOneStep(_ file: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: file))
        let runbook = RunbookParser.parse(Array(bytes), path: file)
        #expect(runbook.problems == [], "the runbook loads")
        let expected = Self.treeSteps(Array(bytes))
        #expect(!expected.isEmpty)
        let actual = runbook.steps.filter { $0.kind != .snippet }
        #expect(actual.map { "\($0.kind.rawValue)@\($0.line)" } == expected.map(\.description))
        #expect(runbook.steps.map(\.number) == Array(1...runbook.steps.count))
        #expect(Set(runbook.steps.map(\.id)).count == runbook.steps.count)
        for (step, tree) in zip(actual, expected) where step.kind == .command {
            guard let prompt = step.sessionPrompt else {
                #expect(step.command == tree.literal, "step \(step.number) runs the block as written")
                continue
            }
            // A session's command is its prompt lines, prompt taken off, and their continuations.
            let literalLines = tree.literal.split(separator: "\n").map(String.init)
            var remaining = literalLines[...]
            for commandLine in step.command.split(separator: "\n").map(String.init) {
                let index = try #require(
                    remaining.firstIndex { $0 == prompt + commandLine || $0 == commandLine },
                    "`\(commandLine)` is a line of the block")
                remaining = remaining[(index + 1)...]
            }
            #expect(!step.command.split(separator: "\n").contains { $0.hasPrefix(prompt) })
        }
    }

    @Test func titlesComeFromTheHeadingTheFrontMatterOrTheFileName() throws {
        let expected: [String: (String, RunbookTitleSource)] = [
            "alert-indented-example.md": ("QueueConsumerLagHigh", .firstHeading),
            "fleet-checklist.md": ("Rotate the fleet's SSH host keys", .runbookHeading),
            "front-matter-title.md": ("Certificate expiry on the edge proxies", .frontMatter),
            "runme-notebook.md": ("Cache warm-up after a deploy", .frontMatter),
            "sections-only.md": ("Redis memory near maxmemory", .firstHeading),
            "shell-sessions.md": ("Prometheus target down", .runbookHeading),
            "template-without-headings.md": ("template-without-headings", .fileName),
            "unclosed-fence-at-end.md": ("NTP drift on database hosts", .runbookHeading),
            "unclosed-fence-in-list.md": ("Stuck deployment rollout", .runbookHeading),
        ]
        for file in Self.files {
            let runbook = try RunbookParser.parse(fileAt: file)
            let want = try #require(expected[(file as NSString).lastPathComponent])
            #expect(runbook.title == want.0 && runbook.titleSource == want.1, "\(file)")
        }
    }

    @Test func anUnclosedFenceInAListItemBreaksOnlyItsStep() throws {
        let file = Self.folder + "/unclosed-fence-in-list.md"
        let runbook = try RunbookParser.parse(fileAt: file)
        let broken = try Self.line(containing: "{name=pod-events", in: file)
        #expect(
            runbook.stepProblems == [
                RunbookProblem(file: file, line: broken, message: "the ``` fence opened here is never closed")
            ])
        #expect(runbook.steps.map(\.id) == ["rollout-status", "pod-events", "replicasets", "undo-rollout"])
        #expect(runbook.steps.filter(\.isExecutable).map(\.id) == ["rollout-status", "replicasets", "undo-rollout"])
        #expect(runbook.step(id: "pod-events")?.variables == [])
    }

    @Test func anUnclosedFenceAtTheEndKeepsTheStepsBeforeIt() throws {
        let file = Self.folder + "/unclosed-fence-at-end.md"
        let runbook = try RunbookParser.parse(fileAt: file)
        #expect(runbook.steps.map(\.id) == ["offset", "note-the-offset-in-the-incident-channel", "step-clock"])
        #expect(runbook.stepProblems.map(\.line) == [try Self.line(containing: "{name=step-clock", in: file)])
        #expect(runbook.step(id: "step-clock")?.command.contains("chronyc sources -v") == true)
    }

    @Test func nestedTaskItemsAreStepsInDocumentOrder() throws {
        let runbook = try RunbookParser.parse(fileAt: Self.folder + "/fleet-checklist.md")
        #expect(
            runbook.steps.map(\.title) == [
                "Announce the rotation in #ops", "apply to the fleet",
                "knife ssh 'role:web' 'sudo rm /etc/ssh/ssh_host_* && sudo dpkg-reconfigure openssh-server'",
                "knife ssh 'role:db' 'sudo rm /etc/ssh/ssh_host_* && sudo dpkg-reconfigure openssh-server'",
                "db-01 done by hand before the incident", "Publish the new fingerprints", "Resolution Steps",
                "Paste them into the wiki page", "Ask security to close the ticket", "Verification",
            ])
        #expect(runbook.step(id: "fingerprints")?.summary == "Publish the new fingerprints")
    }

    @Test func runmeJSONAttributesReadLikeKeyValueOnes() throws {
        let runbook = try RunbookParser.parse(fileAt: Self.folder + "/runme-notebook.md")
        #expect(runbook.steps.map(\.id) == ["cache-stats", "warm-top-products", "flush-stale"])
        let warm = try #require(runbook.step(id: "warm-top-products"))
        #expect(warm.timeout == 120)
        #expect(
            warm.otherAttributes == [
                "background": "false", "excludeFromRunAll": "true", "id": "01HF7BT3HD84GWTQB8ZZ5N0W3Q",
                "interactive": "false",
            ])
        #expect(runbook.step(id: "flush-stale")?.otherAttributes == ["interactive": "false"])
        #expect(runbook.overview == "Run these cells in order after every deploy of the catalog service.")
    }

    @Test func sessionBlocksRunOnlyTheirPromptLines() throws {
        let runbook = try RunbookParser.parse(fileAt: Self.folder + "/shell-sessions.md")
        let commands = runbook.steps.filter { $0.kind == .command }
        #expect(commands.map(\.sessionPrompt) == ["$ ", "$ ", "$ ", "# ", nil])
        #expect(
            commands[0].command
                == "kubectl -n monitoring exec prometheus-k8s-0 -c prometheus -- \\\n    wget -qO- "
                + "'http://localhost:9090/api/v1/targets?state=active' | jq -r '.data.activeTargets[] | "
                + "select(.health != \"up\") | .scrapeUrl'\n")
        #expect(
            commands[1].command
                == "kubectl -n monitoring get pods -l app.kubernetes.io/name=node-exporter -o wide\n"
                + "kubectl -n monitoring logs node-exporter-7xk2p -c node-exporter --tail=20\n")
        #expect(commands[2].command == "ss -ltnp 'sport = :9100'\n")
        #expect(
            commands[3].command == "systemctl stop old-exporter.service\nsystemctl disable old-exporter.service\n")
        #expect(commands[4].command.hasPrefix("# the DaemonSet brings the pod back at once\n"))
        #expect(commands[4].variables.map(\.name) == ["NODE"])
    }
}
