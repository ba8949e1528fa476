import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

/// Turns the many ways a probe can fail into one readable reason for the sample and timeline.
enum ProbeFailure {
    static func reason(_ error: any Error, host: String, timeout: Double) -> String {
        let text = String(describing: error)
        let lower = text.lowercased()
        if error is TimedOut || lower.contains("deadlineexceeded") || lower.contains("connecttimeout")
            || lower.contains("readtimeout") || lower.contains("timed out") || lower.contains("timeout")
        {
            return "timed out after \(GoDuration.text(seconds: timeout))"
        }
        if lower.contains("dns") || lower.contains("name or service not known") || lower.contains("unknownhost")
            || lower.contains("no address") || lower.contains("resolution")
        {
            return "DNS lookup failed for \(host)"
        }
        if lower.contains("refused") { return "connection refused by \(host)" }
        if let tls = error as? NIOSSLError { return "TLS error: \(tls)" }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate")
            || lower.contains("handshake")
        {
            return "TLS error: \(text)"
        }
        if let tooMany = error as? NIOTooManyBytesError {
            return "response body is larger than \(ByteCount.text(tooMany.maxBytes ?? 0))"
        }
        if lower.contains("remoteconnectionclosed") || lower.contains("connection reset") || lower.contains("eof") {
            return "connection closed by \(host) before a response"
        }
        return text
    }

    /// Thrown when a probe's own deadline passes before the peer answers.
    struct TimedOut: Error {}

    /// Runs `body` but gives up after `seconds`, cancelling it, so a hanging peer cannot hold a probe.
    static func withDeadline<T: Sendable>(
        seconds: Double, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                throw TimedOut()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
