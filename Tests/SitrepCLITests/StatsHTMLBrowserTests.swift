import Foundation
import Testing

/// `sitrep stats --html` opened in a real headless Chromium (Debian's package): the page must
/// draw every bar at the height its count calls for, label it with that count, and carry the
/// percentile strip's figures, all without any network.
@Suite struct StatsHTMLBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    func browser(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium \(arguments) exited \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    /// The value of `name="…"` in one element's markup.
    func attribute(_ name: String, in element: Substring) -> String? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test func chartsRenderWithTheRightNumbers() throws {
        guard Self.chromium != nil else {
            if CLIRunner.inCI {
                Issue.record("chromium is not installed; make deps installs it (APT_PACKAGES)")
            } else {
                print("skipping StatsHTMLBrowserTests: chromium is not installed (apt-get install chromium)")
            }
            return
        }
        let cli = try CLIRunner()
        _ = try StatsCLITests().seed(cli)
        let page = cli.folder + "/stats.html"
        let written = try cli.ok(["stats", "--html", page] + StatsCLITests.range)
        #expect(written == page)
        let source = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!source.contains("<link") && !source.contains("src="))

        let dom = try browser(["--dump-dom", "file://" + page])
        #expect(dom.contains("<body data-drawn=\"true\">"), "the page's script did not run in the browser")
        let bars = dom.components(separatedBy: "<rect class=\"bar\"").dropFirst().map { $0.prefix { $0 != ">" } }
        let counts = bars.map { attribute("data-count", in: $0).flatMap(Int.init) }
        let periods = bars.map { attribute("data-period", in: $0) }
        #expect(periods == ["2024-12-30", "2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"])
        #expect(counts == [0, 1, 2, 0, 0])
        let drawn = bars.map { attribute("data-drawn-height", in: $0).flatMap(Int.init) }
        // The busiest week (2) is drawn 200 px tall, a week of 1 at half that, empty weeks flat.
        #expect(drawn == [0, 100, 200, 0, 0])
        for (period, count) in zip(periods, counts) {
            #expect(dom.contains("data-period=\"\(period!)\" ") && dom.contains(">\(count!)</text>"))
        }
        #expect(dom.contains("<g class=\"strip\" data-severity=\"P1\" data-n=\"1\" data-median-seconds=\"8400\""))
        #expect(dom.contains("data-severity=\"P2\" data-n=\"1\" data-median-seconds=\"7200\""))
        #expect(dom.contains("median 2h 20m · p90 2h 20m · max 2h 20m · n 1"))
        #expect(dom.contains("<td>TTM (Time to mitigate)</td><td>2</td><td>2h 00m</td><td>2h 20m</td><td>2h 20m</td>"))

        let screenshot = cli.folder + "/stats.png"
        _ = try browser(["--screenshot=" + screenshot, "--window-size=900,1200", "file://" + page])
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000, "a blank page would compress to almost nothing")
    }
}
