import Foundation
import IncidentCore
import TerminalUI
import Testing

@testable import Console

/// The real loop on an in-memory terminal over a real SQLite database.
@Suite struct ConsoleRuntimeTests {
    func store() throws -> SQLiteIncidentStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try SQLiteIncidentStore(path: folder.appendingPathComponent("sitrep.sqlite").path)
    }

    @Test func noteTypedInTheConsoleIsStored() throws {
        let store = try store()
        let key = try store.declareIncident(
            IncidentDeclaration(title: "Checkout API returning 500s", severity: .p1), by: Attribution(author: "dana")
        ).key
        let terminal = VirtualTerminal(size: Size(width: 120, height: 40))
        let state = ConsoleState(size: terminal.size, now: Date(), user: "alice", databasePath: store.path)
        let runtime = ConsoleRuntime(device: terminal, store: store, state: state) { _ in
            ThemeResolver.Resolution(theme: .dark, notice: nil)
        }
        terminal.send(.character("n"))
        terminal.type("DB 障害 confirmed")
        terminal.send(.enter, .character("q"))
        try runtime.run()
        let entry = try #require(try store.detail(key: key).timeline.last)
        #expect(entry.text == "DB 障害 confirmed")
        #expect(entry.author == "alice")
        #expect(!terminal.isStarted)
        #expect(terminal.screen != nil)
    }

    @Test func missingThemeFallsBackWithANotice() {
        let resolution = ThemeResolver.resolve("no-such-theme", folders: ["/nonexistent"], depth: .colors256)
        #expect(resolution.theme.name == "dark")
        #expect(resolution.notice?.contains("no-such-theme") == true)
        #expect(ThemeResolver.resolve("light", folders: [], depth: .monochrome).theme == .monochrome)
    }

    @Test func shippedThemesResolve() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Themes")
            .standardized.path
        for name in ["dark", "light", "high-contrast", "monochrome"] {
            let resolution = ThemeResolver.resolve(name, folders: [folder], depth: .colors256)
            #expect(resolution.notice == nil, "\(name): \(resolution.notice ?? "")")
            #expect(resolution.theme.name == name)
        }
    }

    @Test func brokenThemeFileFallsBackNamingFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("broken.yaml").path
        try "roles:\n  selection:\n    fg: not-a-colour\n".write(toFile: path, atomically: true, encoding: .utf8)
        let resolution = ThemeResolver.resolve(path, folders: [], depth: .colors256)
        #expect(resolution.theme.name == "dark")
        #expect(resolution.notice?.contains("\(path):3") == true, "\(resolution.notice ?? "")")
    }
}
