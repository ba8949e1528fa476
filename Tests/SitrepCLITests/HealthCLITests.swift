import BenchSupport
import Foundation
import IncidentCore
import Testing

/// `sitrep health` as a user runs it, against loopback servers started here.
@Suite struct HealthCLITests {
    static func responder(method: String, path: String) -> LoopbackResponse {
        path == "/ok"
            ? LoopbackResponse(text: #"{"status":"UP"}"#) : LoopbackResponse(status: 503, text: #"{"status":"DOWN"}"#)
    }

    func write(_ text: String, to cli: CLIRunner) throws -> String {
        let path = cli.folder + "/checks.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkExitsZeroOnlyWhenAllPass() async throws {
        let server = try await LoopbackHTTPServer(responder: Self.responder)
        let cli = try CLIRunner()
        let good = try write(
            """
            endpoints:
              - name: api
                url: http://127.0.0.1:\(server.port)/ok
                conditions: ["[STATUS] == 200", "[BODY].status == UP"]
            """, to: cli)
        let ok = try cli.run(["health", "check", "--checks", good])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("UP    api  "))
        let mixed = try write(
            """
            endpoints:
              - name: api
                url: http://127.0.0.1:\(server.port)/ok
                conditions: ["[STATUS] == 200"]
              - name: payments
                service: payments
                url: http://127.0.0.1:\(server.port)/payments
                conditions: ["[STATUS] == 200"]
            """, to: cli)
        let failed = try cli.run(["health", "check", "--checks", mixed, "--json"])
        #expect(failed.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [String: Any])
        #expect(document["allUp"] as? Bool == false)
        let checks = try #require(document["checks"] as? [[String: Any]])
        #expect(checks.map { $0["check"] as? String } == ["api", "payments"])
        let conditions = try #require(checks[1]["conditions"] as? [[String: Any]])
        #expect(conditions.first?["resolved"] as? String == "[STATUS] (503) == 200")
        await server.stop()
    }

    @Test func badEndpointsAreNamedAndTheRestStillRun() async throws {
        let server = try await LoopbackHTTPServer(responder: Self.responder)
        let cli = try CLIRunner()
        let path = try write(
            """
            endpoints:
              - name: api
                url: http://127.0.0.1:\(server.port)/ok
              - name: broken
                url: http://127.0.0.1:\(server.port)/ok
                conditions: ["[STATUS] =~ 200"]
            """, to: cli)
        let result = try cli.run(["health", "check", "--checks", path])
        #expect(result.status == 78)
        #expect(result.stdout.contains("UP    api"))
        #expect(result.stderr.contains("checks.yaml:6: endpoint `broken`: unknown operator `=~`"))
        #expect(try cli.run(["health", "check", "--checks", cli.folder + "/missing.yaml"]).status == 66)
        await server.stop()
    }

    @Test func watchVerbosePrintsEveryProbe() async throws {
        let server = try await LoopbackHTTPServer(responder: Self.responder)
        let cli = try CLIRunner()
        let path = try write(
            """
            endpoints:
              - name: payments
                url: http://127.0.0.1:\(server.port)/payments
                interval: 100ms
                conditions: ["[STATUS] == 200"]
            """, to: cli)
        let output = cli.folder + "/watch.out"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let process = try cli.start(
            ["health", "watch", "--verbose", "--checks", path],
            stdout: try FileHandle(forWritingTo: URL(fileURLWithPath: output)))
        var failures: [Substring] = []
        for _ in 0..<200 where failures.count < 3 {
            try await Task.sleep(for: .milliseconds(50))
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            failures = text.split(separator: "\n").filter { $0.contains("FAIL") }
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(failures.count >= 3)
        #expect(failures.contains { !$0.contains("=>") }, "\(failures)")
        await server.stop()
    }

    @Test func watchRecordsUntilInterrupted() async throws {
        let server = try await LoopbackHTTPServer(responder: Self.responder)
        let cli = try CLIRunner()
        let key = try cli.run(["declare", "Payments down", "--severity", "P1", "--service", "payments"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let path = try write(
            """
            endpoints:
              - name: payments
                service: payments
                url: http://127.0.0.1:\(server.port)/payments
                interval: 100ms
                conditions: ["[STATUS] == 200"]
                alerts:
                  - failure-threshold: 2
            """, to: cli)
        let output = cli.folder + "/watch.out"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let process = try cli.start(
            ["health", "watch", "--checks", path], stdout: try FileHandle(forWritingTo: URL(fileURLWithPath: output)))
        var text = ""
        for _ in 0..<200 where !text.contains("=> DOWN") {
            try await Task.sleep(for: .milliseconds(50))
            text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(text.contains("=> DOWN (recorded in \(key))"), "\(text)")
        #expect(text.hasSuffix("stopped\n"))
        let probeLines = text.split(separator: "\n").filter { $0.contains("FAIL") }
        #expect(probeLines.allSatisfy { $0.contains("=>") }, "probes without a state change printed: \(text)")
        let shown = try cli.run(["show", key]).stdout
        #expect(
            shown.contains("Health check payments is DOWN after 2 failed probe(s): [STATUS] (503) == 200"), "\(shown)")
        #expect(try cli.run(["verify"]).status == 0)
        await server.stop()
    }
}
