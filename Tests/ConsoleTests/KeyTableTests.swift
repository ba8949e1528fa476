import Foundation
import TerminalUI
import Testing

@testable import Console

@Suite struct KeyTableTests {
    @Test func noKeyIsBoundTwice() {
        for table in [KeyBindings.table, KeyBindings.runbookTable] {
            let keys = table.flatMap(\.keys)
            #expect(Set(keys).count == keys.count)
        }
    }

    @Test func everyActionHasAKey() {
        let bound = Set((KeyBindings.table + KeyBindings.runbookTable).map(\.action))
        #expect(bound == Set(KeyAction.allCases))
    }

    @Test func readmeKeyListIsGeneratedFromTheTable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(KeyBindings.markdown), "README's key list is stale: run `sitrep-bench keys` and paste it")
    }

    @Test func helpShowsEveryBinding() {
        let entries = KeyBindings.helpSections.flatMap(\.entries).map(\.description)
        for binding in KeyBindings.table + KeyBindings.runbookTable { #expect(entries.contains(binding.description)) }
    }
}
