import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Health endpoints that fight back (scripts/hostile-endpoints.py, on loopback): each check is
/// down with a reason, the monitor's memory stays small, and the good check keeps its schedule.
@Suite(
    .serialized, .enabled(if: CLIRunner.onSQLite, "the store is not what is under test"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
struct HostileHealthTests {
    /// The hostile server, started in the runner's folder; killed when the test ends.
    final class Endpoints {
        let process: Process
        let ports: [String: Any]

        init(folder: String) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [FaultInjectionTests.repository + "/scripts/hostile-endpoints.py", folder]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let file = folder + "/ports.json"
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: file), Date() < deadline, process.isRunning { usleep(50_000) }
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            ports = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        }

        func port(_ name: String) -> Int { ports[name] as! Int }

        deinit {
            kill(process.processIdentifier, SIGKILL)
        }
    }

    /// The checks file; `never.answers.test` resolves through 127.0.0.2, which never answers,
    /// when the watch runs in a mount namespace with that resolv.conf (see `resolverSandbox`).
    static func checks(_ endpoints: Endpoints, dns: Bool) -> String {
        let http = "http://127.0.0.1:\(endpoints.port("http"))"
        var entries = [
            ("good", http + "/ok", "[BODY].status == UP", "1s"),
            ("slowloris", http + "/slowloris", "[STATUS] == 200", "1s"),
            ("huge", http + "/huge", "[BODY].status == UP", "2s"),
            ("redirects", http + "/redirect/0", "[STATUS] == 200", "1s"),
            ("expired", "https://127.0.0.1:\(endpoints.port("expired"))/ok", "[STATUS] == 200", "1s"),
            ("wrong-name", "https://127.0.0.1:\(endpoints.port("wrongname"))/ok", "[STATUS] == 200", "1s"),
        ]
        if dns {
            entries.append(("dns", "http://never.answers.test:\(endpoints.port("http"))/ok", "[STATUS] == 200", "1s"))
        }
        return "endpoints:\n"
            + entries.map { name, url, condition, timeout in
                "  - name: \(name)\n    url: \(url)\n    interval: 1s\n    client:\n      timeout: \(timeout)\n"
                    + "    conditions:\n      - \"\(condition)\"\n"
            }.joined()
    }

    /// `unshare -m` and a bind-mounted resolv.conf pointing at the silent resolver: needs root.
    static func resolverSandbox(_ folder: String, _ endpoints: Endpoints) throws -> [String]? {
        guard getuid() == 0, endpoints.ports["dns"] != nil,
            FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
        else { return nil }
        try "nameserver 127.0.0.2\noptions timeout:30 attempts:1\n".write(
            toFile: folder + "/resolv.conf", atomically: true, encoding: .utf8)
        return [
            "/usr/bin/unshare", "-m", "/bin/sh", "-c",
            "mount --bind \(folder)/resolv.conf /etc/resolv.conf && exec \"$@\"", "sh",
        ]
    }

    @Test func hostileEndpointsAreDownWithReasonsAndTheGoodCheckKeepsItsSchedule() throws {
        let cli = try CLIRunner()
        let endpoints = try Endpoints(folder: cli.folder)
        let sandbox = try Self.resolverSandbox(cli.folder, endpoints)
        if sandbox == nil { print("DNS that never answers: skipped (needs root, unshare and 127.0.0.2:53)") }
        try Self.checks(endpoints, dns: sandbox != nil).write(
            toFile: cli.folder + "/checks.yaml", atomically: true, encoding: .utf8)
        let once = try run(
            cli, prefix: sandbox, ["health", "check", "--json", "--checks", cli.folder + "/checks.yaml"])
        let report = try JSONSerialization.jsonObject(with: Data(once.utf8)) as! [String: Any]
        var errors: [String: String] = [:]
        for check in report["checks"] as! [[String: Any]] {
            errors[check["name"] as! String] = (check["up"] as! Bool) ? "up" : (check["error"] as? String ?? "down")
        }
        #expect(errors["good"] == "up")
        #expect(errors["slowloris"]?.contains("timed out") == true, "\(errors)")
        #expect(errors["huge"]?.contains("larger than") == true, "\(errors)")
        #expect(errors["redirects"].map { $0 != "up" && !$0.isEmpty } == true, "\(errors)")
        #expect(errors["expired"]?.contains("TLS") == true, "\(errors)")
        #expect(errors["wrong-name"]?.contains("TLS") == true, "\(errors)")
        if sandbox != nil { #expect(errors["dns"]?.contains("timed out") == true, "\(errors)") }

        // Watched for a while: the good check is sampled on schedule and memory stays small.
        let watch = Process()
        let command = (sandbox ?? []) + [CLIRunner.binary, "health", "watch", "--checks", cli.folder + "/checks.yaml"]
        watch.executableURL = URL(fileURLWithPath: command[0])
        watch.arguments = Array(command.dropFirst())
        watch.environment = cli.environment
        watch.standardOutput = FileHandle.nullDevice
        watch.standardError = FileHandle.nullDevice
        try watch.run()
        var peak = 0
        var samples = 0
        let seconds = FaultInjectionTests.soak ? 120 : 8
        for _ in 0..<(seconds * 4) {
            usleep(250_000)
            for pid in [watch.processIdentifier] + children(of: watch.processIdentifier) {
                peak = max(peak, ProcessStatus.kilobytes("VmRSS", of: pid))
            }
        }
        kill(watch.processIdentifier, SIGINT)
        for pid in children(of: watch.processIdentifier) { kill(pid, SIGINT) }
        watch.waitUntilExit()
        samples = Int(try cli.sqlite("SELECT count(*) FROM healthSample WHERE \"check\" = 'good' AND isUp")) ?? 0
        #expect(samples >= seconds / 2, "the good check was sampled \(samples) times in \(seconds) s at 1 s intervals")
        #expect(peak > 0 && peak < 150_000, "the watch peaked at \(peak) kB beside 1 GiB bodies")
        print("hostile health: \(errors.count) checks, good sampled \(samples)× in \(seconds) s, peak RSS \(peak) kB")
    }

    func run(_ cli: CLIRunner, prefix: [String]?, _ arguments: [String]) throws -> String {
        guard let prefix else { return try cli.run(arguments).stdout }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: prefix[0])
        process.arguments = Array(prefix.dropFirst()) + [CLIRunner.binary] + arguments
        process.environment = cli.environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func children(of pid: pid_t) -> [pid_t] {
        SmallDisk.run("/usr/bin/pgrep", ["-P", String(pid)]).output.split(separator: "\n").compactMap { pid_t($0) }
    }
}
