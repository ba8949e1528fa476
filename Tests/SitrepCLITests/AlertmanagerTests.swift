import Foundation
import Testing

/// The real client: Prometheus Alertmanager (Debian's prometheus-alertmanager) with a webhook
/// receiver pointed at `sitrep serve`, alerts pushed with amtool. Checks the incident, the
/// resolve, and Alertmanager's own retry of a notification sitrep missed while it was stopped.
@Suite(.serialized) struct AlertmanagerTests {
    static let binary = "/usr/bin/prometheus-alertmanager"

    static func freePort() throws -> Int {
        let output = try ServeTests.Server.run(
            "/usr/bin/python3",
            ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CLIRunner.Failure("no free port")
        }
        return port
    }

    /// Polls `condition` every 100 ms for up to a minute: Alertmanager delivers on its own schedule.
    static func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        for _ in 0..<600 {
            if try condition() { return true }
            usleep(100_000)
        }
        return false
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: binary) || CLIRunner.inCI, "needs prometheus-alertmanager")
    )
    func alertmanagerDeclaresResolvesAndRetriesWhileSitrepWasDown() throws {
        var server = try ServeTests.Server()
        let port = Int(server.base.split(separator: ":").last!)!
        let managerPort = try Self.freePort()
        let folder = server.cli.folder
        try """
        route:
          receiver: team-db
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: team-db
            webhook_configs:
              - url: http://127.0.0.1:\(port)/alertmanager
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials: s3cret
        """.write(toFile: folder + "/alertmanager.yml", atomically: true, encoding: .utf8)
        let manager = Process()
        manager.executableURL = URL(fileURLWithPath: Self.binary)
        manager.arguments = [
            "--config.file=\(folder)/alertmanager.yml", "--storage.path=\(folder)/alertmanager",
            "--web.listen-address=127.0.0.1:\(managerPort)", "--cluster.listen-address=",
        ]
        manager.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        manager.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try manager.run()
        defer {
            manager.terminate()
            manager.waitUntilExit()
        }
        let amtool = ["--alertmanager.url=http://127.0.0.1:\(managerPort)"]
        #expect(
            Self.eventually { (try? ServeTests.Server.run("/usr/bin/amtool", amtool + ["config", "show"])) != nil })
        func incidents() throws -> [[String: Any]] {
            try JSONSerialization.jsonObject(with: Data(try server.cli.ok(["list", "--json"]).utf8)) as! [[String: Any]]
        }

        _ = try ServeTests.Server.run(
            "/usr/bin/amtool",
            amtool + [
                "alert", "add", "DiskFilling", "instance=db-1", "severity=critical",
                "--annotation=summary=Disk filling up on db-1",
            ])
        #expect(try Self.eventually { try incidents().count == 1 })
        let key = try #require(try incidents().first?["key"] as? String)
        #expect(try incidents().first?["title"] as? String == "Disk filling up on db-1")
        #expect(try incidents().first?["severity"] as? String == "P1")
        #expect(
            try server.cli.ok(["show", key]).contains("[alert] Alertmanager: 1 firing: DiskFilling{instance=\"db-1\""))

        // sitrep goes away; the alert resolves; Alertmanager keeps trying until sitrep is back.
        #expect(server.stop() == 0)
        let now = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-1))
        _ = try ServeTests.Server.run(
            "/usr/bin/amtool",
            amtool + [
                "alert", "add", "DiskFilling", "instance=db-1", "severity=critical", "--end=\(now)",
                "--annotation=summary=Disk filling up on db-1",
            ])
        sleep(2)
        server = try ServeTests.Server(reusing: server.cli, port: port)
        #expect(try Self.eventually { try server.cli.ok(["show", key]).contains("Alertmanager: 1 resolved") })
        #expect(try incidents().count == 1)
        #expect(try server.cli.ok(["show", key]).contains("status detected"))
        #expect(server.stop() == 0)
    }
}
