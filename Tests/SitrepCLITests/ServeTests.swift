import Foundation
import Testing

/// `sitrep serve` as senders see it, over real HTTP on loopback with curl: auth, limits, the
/// PagerDuty answer, Alertmanager's groups with dedup and resolves, a burst from 50 senders, and
/// a clean stop on SIGTERM. Runs on both backends.
@Suite struct ServeTests {
    static let payloads = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/alerts").path

    /// A running `sitrep serve` with a token and one route; stopped by `stop()`.
    struct Server {
        let cli: CLIRunner
        let process: Process
        let base: String

        init() throws {
            try self.init(reusing: try CLIRunner(), port: 0)
        }

        /// A server on `cli`'s store and config, on `port` (0: any free one).
        init(reusing cli: CLIRunner, port: Int, extraConfig: String = "", scheme: String = "http") throws {
            self.cli = cli
            try FileManager.default.createDirectory(
                atPath: cli.folder + "/config/sitrep", withIntermediateDirectories: true)
            try """
            serve:
              token: s3cret
              routes:
                - key: team-db
                  service: db
            \(extraConfig)
            """.write(toFile: cli.folder + "/config/sitrep/config.yaml", atomically: true, encoding: .utf8)
            let output = cli.folder + "/serve-\(UUID().uuidString).out"
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            process = try cli.start(
                ["serve", "--listen", "127.0.0.1:\(port)"],
                stdout: try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            )
            var address: String?
            for _ in 0..<1000 where address == nil {
                let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
                address = text.split(separator: "\n").first { $0.hasPrefix("listening on ") }
                    .map { String($0.dropFirst("listening on ".count).prefix { $0 != "," }) }
                if address == nil { usleep(10_000) }
            }
            guard let address else { throw CLIRunner.Failure("sitrep serve did not start") }
            base = "\(scheme)://\(address)"
        }

        /// `curl`, answering the status code and the body.
        func post(_ path: String, body: String, token: String? = "s3cret") throws -> (status: Int, body: String) {
            let bodyFile = cli.folder + "/body-\(UUID().uuidString)"
            try body.write(toFile: bodyFile, atomically: true, encoding: .utf8)
            var arguments = [
                "-s", "-o", "-", "-w", "\n%{http_code}", "-X", "POST", base + path, "--data-binary", "@" + bodyFile,
            ]
            if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
            let result = try Self.curl(arguments)
            let lines = result.split(separator: "\n", omittingEmptySubsequences: false)
            return (
                Int(lines.last ?? "") ?? 0,
                lines.dropLast().joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            )
        }

        static func curl(_ arguments: [String]) throws -> String {
            try run("/usr/bin/curl", arguments)
        }

        /// Runs a program and answers its standard output; a failure exit throws.
        static func run(_ program: String, _ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 || program.hasSuffix("curl") else {
                throw CLIRunner.Failure(
                    "\(program) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
            }
            return String(decoding: data, as: UTF8.self)
        }

        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    func payload(_ name: String) throws -> String {
        try String(contentsOfFile: Self.payloads + "/" + name, encoding: .utf8)
    }

    @Test func authLimitsAndMalformedBodiesWriteNothing() throws {
        let server = try Server()
        #expect(try Server.curl(["-s", server.base + "/healthz"]) == "ok\n")
        let webhook = #"{"title": "Queue backlog", "state": "alerting"}"#
        #expect(try server.post("/webhook", body: webhook, token: nil).status == 401)
        #expect(try server.post("/webhook", body: webhook, token: "wrong").status == 401)
        #expect(try server.post("/webhook", body: String(repeating: "a", count: (1 << 20) + 1)).status == 413)
        let malformed = try server.post("/webhook", body: #"{"title": 3, "state": "alerting"}"#)
        #expect(malformed.status == 400)
        #expect(malformed.body.contains("`title` must be a string"))
        let version = try server.post(
            "/alertmanager",
            body: try payload("alertmanager-firing.json").replacingOccurrences(of: "\"4\"", with: "\"3\""))
        #expect(version.status == 400)
        #expect(version.body.contains("unknown webhook version"))
        #expect(try server.cli.ok(["db", "status"]).contains("incidents   0"))
        #expect(server.stop() == 0)
    }

    @Test func httpsFromCertificateFiles() throws {
        let cli = try CLIRunner()
        let folder = cli.folder
        _ = try Server.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/key.pem", "-out",
                folder + "/cert.pem", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
            ])
        let server = try Server(
            reusing: cli, port: 0, extraConfig: "  tls-cert: \(folder)/cert.pem\n  tls-key: \(folder)/key.pem",
            scheme: "https")
        #expect(try Server.curl(["-s", "--cacert", folder + "/cert.pem", server.base + "/healthz"]) == "ok\n")
        #expect(try Server.curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", server.base + "/healthz"]) == "000")
        #expect(server.stop() == 0)
    }

    @Test func pagerDutyEventsAreAnsweredAsPagerDutyDoesAndTheRouteKeyAuthorises() throws {
        let server = try Server()
        let answer = try server.post("/v2/enqueue", body: try payload("pagerduty-trigger.json"), token: nil)
        #expect(answer.status == 202)
        #expect(answer.body == #"{"dedup_key":"db-3-disk","message":"Event processed","status":"success"}"#)
        #expect(try server.post("/v2/enqueue", body: try payload("pagerduty-trigger.json"), token: nil).status == 202)
        let list = try server.cli.ok(["list", "--json"])
        let incidents = try JSONSerialization.jsonObject(with: Data(list.utf8)) as! [[String: Any]]
        #expect(incidents.count == 1)
        #expect(incidents.first?["title"] as? String == "Disk 95% on db-3")
        #expect(incidents.first?["severity"] as? String == "P1")
        #expect(incidents.first?["services"] as? [String] == ["db"])
        #expect(server.stop() == 0)
    }

    @Test func alertmanagerGroupsDedupAndResolveWithTheirLabels() throws {
        let server = try Server()
        let firing = try server.post("/alertmanager", body: try payload("alertmanager-firing.json"))
        #expect(firing.status == 200)
        #expect(firing.body.contains(#""outcome":"declared""#))
        let key = try #require(
            (try JSONSerialization.jsonObject(with: Data(firing.body.utf8)) as? [String: Any])?["incident"] as? String)
        #expect(
            try server.post("/alertmanager", body: try payload("alertmanager-firing.json")).body.contains("unchanged"))
        #expect(
            try server.post("/alertmanager", body: try payload("alertmanager-one-resolved.json")).body.contains(
                "updated"))
        #expect(
            try server.post("/alertmanager", body: try payload("alertmanager-resolved.json")).body.contains("updated"))
        #expect(
            try server.post("/alertmanager", body: try payload("alertmanager-resolved.json")).body.contains("unchanged")
        )

        let export =
            try JSONSerialization.jsonObject(with: Data(try server.cli.ok(["export", key]).utf8)) as! [String: Any]
        let timeline = export["timeline"] as! [[String: Any]]
        let alerts = timeline.filter { $0["kind"] as? String == "alert" }
        #expect(
            alerts.map { $0["text"] as! String } == [
                #"Alertmanager: 2 firing: DiskFilling{instance="db-1", severity="critical", team="db"}, DiskFilling{instance="db-2", severity="critical", team="db"}"#,
                #"Alertmanager: 1 resolved: DiskFilling{instance="db-2", severity="critical", team="db"}"#,
                #"Alertmanager: 1 resolved: DiskFilling{instance="db-1", severity="critical", team="db"}"#,
            ])
        let details = alerts[0]["details"] as! [String: String]
        #expect(details["receiver"] == "team-db")
        #expect(details["alerts"]?.contains(#""instance":"db-1""#) == true)
        let shown = try server.cli.ok(["show", key])
        #expect(shown.contains("detected     2026-12-03T09:58:00Z"), "\(shown)")
        #expect(shown.contains("status detected"))
        #expect(server.stop() == 0)
    }

    @Test func fiftySendersAtOnceLoseNothingAndDuplicateNothing() throws {
        let server = try Server()
        let folder = server.cli.folder
        // 50 senders, each sending its 4 alerts twice: 200 incidents, each declared once.
        var script = ""
        for sender in 0..<50 {
            for alert in 0..<4 {
                let body =
                    #"{"title": "Burst \#(sender)-\#(alert)", "state": "alerting", "dedup": "burst-\#(sender)-\#(alert)"}"#
                try body.write(toFile: "\(folder)/burst-\(sender)-\(alert).json", atomically: true, encoding: .utf8)
            }
            script +=
                "(for a in 0 1 2 3 0 1 2 3; do curl -s -o /dev/null -w '%{http_code}\\n' -H 'Authorization: Bearer s3cret' "
                + "--data-binary @\(folder)/burst-\(sender)-$a.json \(server.base)/webhook; done) &\n"
        }
        script += "wait\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let codes = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n")
        process.waitUntilExit()
        #expect(codes.count == 400)
        #expect(codes.allSatisfy { $0 == "200" || $0 == "503" }, "\(Set(codes))")
        let accepted = codes.filter { $0 == "200" }.count
        let list =
            try JSONSerialization.jsonObject(with: Data(try server.cli.ok(["list", "--json"]).utf8)) as! [[String: Any]]
        let titles = list.compactMap { $0["title"] as? String }
        #expect(Set(titles).count == titles.count)
        #expect(titles.count == 200 || accepted < 400)
        #expect(try server.cli.ok(["verify"]).hasPrefix("ok:"))
        #expect(server.stop() == 0)
    }
}
