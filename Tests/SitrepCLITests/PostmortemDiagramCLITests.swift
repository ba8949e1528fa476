import Foundation
import Testing

@Suite struct PostmortemDiagramCLITests {
    @Test func draftHasAMermaidDiagramUnlessToldNot() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "Checkout 500s", "--severity", "P1", "--at", "2025-11-04T10:00:00Z"])
        _ = try cli.ok(["note", key, "Roll back 4512", "--kind", "decision", "--at", "2025-11-04T10:10:00Z"])
        _ = try cli.ok(["status", key, "mitigated", "--at", "2025-11-04T10:30:00Z"])
        let draft = try cli.ok(["postmortem", key])
        #expect(draft.contains("```mermaid\ngantt\n"))
        #expect(draft.contains("    Time to mitigate 30m 00s : ttm, 2025-11-04 10:00:00, 2025-11-04 10:30:00\n"))
        #expect(
            draft.contains("    Roll back 4512 : milestone, decision1, 2025-11-04 10:10:00, 0m\n```\n\n## Timeline"))
        let plain = try cli.ok(["postmortem", key, "--no-diagram"])
        #expect(!plain.contains("mermaid"))
        let json =
            try JSONSerialization.jsonObject(with: Data(try cli.ok(["postmortem", key, "--format", "json"]).utf8))
            as! [String: Any]
        #expect((json["diagram"] as? String)?.hasPrefix("gantt\n") == true)
    }
}
