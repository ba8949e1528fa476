import Foundation
import TerminalUI
import Testing

@testable import Console
@testable import IncidentCore

/// The real loop, store and step executor on an in-memory terminal: keys typed while a prompt
/// is first being drawn are flushed, keys typed after it answer it, and both are recorded.
@Suite struct RunbookRuntimeTests {
    @Test func typeAheadIsFlushedAndOnlyKeysAfterThePromptAnswerIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-runbook-runtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let runbook = folder.appendingPathComponent("two-steps.md").path
        try """
        # Runbook: Two steps

        ## Steps

        ### One
        ```bash {name=one risk=low}
        echo "first-$((1 + 1))"
        ```

        ### Two
        ```bash {name=two risk=low}
        echo "second-$((2 + 2))"
        ```

        """.write(toFile: runbook, atomically: true, encoding: .utf8)
        let store = try SQLiteIncidentStore(path: folder.appendingPathComponent("sitrep.sqlite").path)
        let key = try store.declareIncident(
            IncidentDeclaration(title: "Checkout API returning 500s", severity: .p1), by: Attribution(author: "dana")
        ).key
        let y = KeyPress.character("y")
        let terminal = ScriptedTerminal(
            size: Size(width: 120, height: 40),
            cues: [
                .init(
                    text: "Incidents · open", occurrence: 1,
                    keys: [.character(":")] + "runbook \(runbook)".map(KeyPress.character) + [.enter]),
                // Typed while step 1's prompt is first drawn: thrown away, then skip it for real.
                .init(text: "Step 1/2", occurrence: 1, keys: [y]),
                .init(text: "Step 1/2", occurrence: 2, keys: [.character("s")]),
                .init(text: "Step 2/2", occurrence: 1, keys: [y, y]),
                .init(text: "Step 2/2", occurrence: 2, keys: [y]),
                .init(text: "Runbook completed (recorded)", occurrence: 1, keys: [.character("q"), .character("q")]),
            ])
        let state = ConsoleState(size: terminal.size, now: Date(), user: "alice", databasePath: store.path)
        let runtime = ConsoleRuntime(device: terminal, store: store, state: state) { _ in
            ThemeResolver.Resolution(theme: .dark, notice: nil)
        }
        try runtime.run()

        #expect(terminal.flushedKeys == [y, y, y])
        let run = try #require(try store.runbookRuns(key: key).last)
        #expect(run.state == .completed)
        let steps = try store.stepRuns(runId: run.id!)
        #expect(steps.map(\.stepId) == ["one", "two"])
        #expect(steps.map(\.outcome) == [.skipped, .ran])
        #expect(steps.map(\.confirmedBy) == ["alice", "alice"])
        #expect(steps[1].outputText == "second-4\n")
        #expect(try store.detail(key: key).timeline.contains { $0.text == "second-4\n" })
    }
}
