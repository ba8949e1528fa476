import BenchSupport
import Foundation
import IncidentCore

/// Loopback servers and certificates for health tests: real sockets, real TLS, no network.
enum HealthFixture {
    static let bigBody = [UInt8](repeating: UInt8(ascii: "x"), count: 5 * 1024 * 1024)

    /// One probe result of a `[STATUS] == 200` check, up (200, 12 ms) or down (503).
    static func sample(_ up: Bool, at time: Date, check: String = "payments-api") -> HealthSample {
        HealthSample(
            check: check, sampledAt: time, isUp: up, latencyMilliseconds: up ? 12 : nil,
            conditionResults: [
                ConditionResult(
                    condition: "[STATUS] == 200", passed: up,
                    resolved: up ? "[STATUS] (200) == 200" : "[STATUS] (503) == 200")
            ], error: nil)
    }

    static func responder(method: String, path: String) -> LoopbackResponse {
        switch path {
        case "/ok": LoopbackResponse(text: #"{"status":"UP","items":[{"id":7},{"id":8}]}"#)
        case "/down": LoopbackResponse(status: 503, text: #"{"status":"DOWN"}"#)
        case "/html": LoopbackResponse(text: "<html>not json</html>", contentType: "text/html")
        case "/big": LoopbackResponse(body: bigBody, contentType: "text/plain")
        case "/hang": LoopbackResponse(text: "", delay: nil)
        case "/echo-method": LoopbackResponse(text: #"{"method":"\#(method)"}"#)
        default: LoopbackResponse(status: 404, text: "{}")
        }
    }

    /// A self-signed certificate for 127.0.0.1 valid for `days`, written by the openssl tool.
    static func certificate(days: Int) throws -> (certificate: String, key: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-tls-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let certificate = folder + "/cert.pem"
        let key = folder + "/key.pem"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", certificate, "-days", String(days), "-subj", "/CN=127.0.0.1", "-addext",
            "subjectAltName=IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (certificate, key)
    }

    /// A port nothing listens on: bound once, then closed.
    static func closedPort() async throws -> Int {
        let server = try await LoopbackHTTPServer(responder: responder)
        let port = server.port
        await server.stop()
        return port
    }

    static func check(
        _ name: String, _ url: String, _ conditions: [String], timeout: Double = 5, insecure: Bool = false
    )
        throws -> HealthCheck
    {
        let target: CheckTarget
        if url.hasPrefix("tcp://") || url.hasPrefix("tls://") {
            let rest = url.dropFirst(6)
            let parts = rest.split(separator: ":")
            target =
                url.hasPrefix("tcp")
                ? .tcp(host: String(parts[0]), port: Int(parts[1])!)
                : .tls(host: String(parts[0]), port: Int(parts[1])!)
        } else if url.hasPrefix("http") {
            target = .http(url: url)
        } else {
            target = .command(url)
        }
        return HealthCheck(
            name: name, target: target, timeout: timeout, insecure: insecure,
            conditions: try conditions.map { try HealthCondition(parsing: $0) })
    }
}
