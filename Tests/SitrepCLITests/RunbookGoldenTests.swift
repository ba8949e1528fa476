import Foundation
import Testing

/// `sitrep runbook show` (text and `--json`) for every corpus runbook against files under
/// Golden/runbook-show/. `SITREP_RECORD_FIXTURES=1` rewrites them instead; review every
/// recorded file before committing it.
@Suite struct RunbookGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/runbook-show").path

    static var corpus: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: RunbookCLITests.corpusFolder)) ?? []).filter {
            $0.hasSuffix(".md")
        }
        .sorted()
    }

    @Test(arguments: corpus)
    func showMatchesItsGoldenFiles(_ name: String) throws {
        let cli = try CLIRunner()
        let path = RunbookCLITests.corpusFolder + "/" + name
        let stem = (name as NSString).deletingPathExtension
        for (arguments, suffix) in [([String](), ".txt"), (["--json"], ".json")] {
            let result = try cli.run(["runbook", "show", path] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            // The corpus's place on this machine is not part of the output being checked.
            let actual = result.stdout.replacingOccurrences(of: RunbookCLITests.corpusFolder, with: "RunbookCorpus")
            let file = Self.golden + "/" + stem + suffix
            if ProcessInfo.processInfo.environment["SITREP_RECORD_FIXTURES"] == "1" {
                try FileManager.default.createDirectory(atPath: Self.golden, withIntermediateDirectories: true)
                try actual.write(toFile: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: file, encoding: .utf8)
            #expect(
                actual == expected,
                "runbook show \(name) \(arguments) differs from Golden/runbook-show/\(stem)\(suffix)")
        }
    }
}
