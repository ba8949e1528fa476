import Foundation
import Testing

@testable import Console
@testable import IncidentCore

/// The console's runbook effects against a real store: `:runbook NAME --restart` does what the
/// CLI's `--restart` does when the runbook changed since its unfinished run began.
@Suite struct RunbookDriverTests {
    @Test func restartStopsARunWhoseRunbookChangedAndStartsAfresh() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-runbook-driver-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/one-step.md"
        let text = "# Runbook: One step\n\n## Steps\n\n### One\n```bash {name=one risk=low}\necho one\n```\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let store = try SQLiteIncidentStore(path: folder + "/sitrep.sqlite")
        let key = try store.declareIncident(
            IncidentDeclaration(title: "Checkout API returning 500s", severity: .p1), by: Attribution(author: "dana")
        ).key
        _ = try RunbookRunner(store: store).start(
            runbook: try RunbookParser.parse(fileAt: path), incidentKey: key, variables: [:],
            by: Attribution(author: "dana"))
        try (text + "\n### Two\n```bash {name=two risk=low}\necho two\n```\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        let driver = RunbookDriver(
            store: store, library: RunbookLibrary(folders: [folder]), environment: [:], user: "dana",
            inbox: ConsoleInbox())

        // A plain attach is refused and says how to restart from the console
        guard case .failed(let message) = driver.perform(.prepare(nameOrPath: "one-step", key: key)) else {
            Issue.record("a changed runbook was resumed")
            return
        }
        #expect(message.contains(":runbook one-step --restart"))

        // With --restart the old run is stopped and nothing is resumed
        guard
            case .prepared(let preparation) = driver.perform(.prepare(nameOrPath: "one-step", key: key, restart: true))
        else {
            Issue.record("restart was not prepared")
            return
        }
        #expect(preparation.resumed == nil)
        #expect(preparation.runbook.steps.count == 2)
        #expect(try store.runbookRuns(key: key).map(\.state) == [.stopped])
    }
}
