import Foundation
import IncidentCore

/// A small but complete incident recorded in a real SQLite file in a temporary folder: the
/// template and console targets read it, as the product would, instead of a hand-built value.
enum FuzzIncident {
    static func store() throws -> SQLiteIncidentStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-fuzz-\(UUID().uuidString)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let start = Date(timeIntervalSince1970: 1_762_250_000)
        let store = try SQLiteIncidentStore(
            path: folder.appendingPathComponent("fuzz.db").path, clock: { start.addingTimeInterval(86_400) })
        func at(_ minutes: Double, _ who: String) -> Attribution {
            Attribution(author: who, eventTime: start.addingTimeInterval(minutes * 60))
        }
        let key = try store.declareIncident(
            IncidentDeclaration(
                title: "Checkout | 500s <b>", severity: .p2, services: ["checkout"],
                summary: "Errors after deploy *4512*",
                commander: "dana", detectedAt: start.addingTimeInterval(-120)),
            by: at(0, "dana")
        ).key
        _ = try store.changeStatus(key: key, move: .to(.acknowledged), note: nil, by: at(2, "dana"))
        _ = try store.appendNote(key: key, text: "pool 200/200 {{x}} `code`", kind: .note, by: at(5, "lee"))
        _ = try store.appendNote(key: key, text: "Roll back 4512", kind: .decision, by: at(9, "dana"))
        _ = try store.changeStatus(key: key, move: .to(.mitigated), note: "rolled back", by: at(20, "dana"))
        _ = try store.addActionItem(
            key: key, draft: ActionItemDraft(title: "Canary every deploy", owner: "omar"), by: at(30, "dana"))
        _ = try store.changeStatus(key: key, move: .to(.resolved), note: nil, by: at(40, "dana"))
        _ = try store.declareIncident(
            IncidentDeclaration(title: "Search slow", severity: .p3, services: ["search"]), by: at(50, "kim"))
        return store
    }
}
