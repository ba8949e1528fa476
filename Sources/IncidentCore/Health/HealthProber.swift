import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Runs one probe of any kind and judges it against the check's conditions. Never throws: every
/// failure (DNS, refused, TLS, timeout, oversized or non-JSON body, failing command) becomes a
/// down sample with a readable reason.
public final class HealthProber: Sendable {
    /// The most body a probe reads; beyond it the probe fails instead of eating memory.
    public let maximumBodyBytes: Int
    private let sockets = SocketProbe(group: MultiThreadedEventLoopGroup.singleton)
    private let executor = StepExecutor(grace: .seconds(1))
    private let clock: @Sendable () -> Date

    /// Process-wide clients that live as long as the process, so no caller has to shut them down.
    private static let secureClient = makeClient(verifyCertificates: true)
    private static let insecureClient = makeClient(verifyCertificates: false)

    /// A refused or unresolvable endpoint should fail its probe at once with that reason, not be
    /// retried until the deadline hides it behind a timeout.
    private static func makeClient(verifyCertificates: Bool) -> HTTPClient {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: 5, allowCycles: false))
        configuration.connectionPool.retryConnectionEstablishment = false
        if !verifyCertificates {
            configuration.tlsConfiguration = .makeClientConfiguration()
            configuration.tlsConfiguration?.certificateVerification = .none
        }
        return HTTPClient(
            eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton), configuration: configuration)
    }

    public init(maximumBodyBytes: Int = 4 * 1024 * 1024, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.maximumBodyBytes = maximumBodyBytes
        self.clock = clock
    }

    public func probe(_ check: HealthCheck) async -> HealthSample {
        let started = ContinuousClock.now
        var observation: CheckObservation
        switch check.target {
        case .http(let url): observation = await http(check, url: url)
        case .tcp(let host, let port):
            let outcome = await sockets.connect(
                host: host, port: port, tls: false, insecure: true, timeout: check.timeout)
            observation = CheckObservation(connected: outcome.connected, error: outcome.error)
        case .tls(let host, let port):
            let outcome = await sockets.connect(
                host: host, port: port, tls: true, insecure: check.insecure, timeout: check.timeout)
            observation = CheckObservation(
                connected: outcome.connected, certificateExpiresAt: outcome.certificateExpiresAt, error: outcome.error)
        case .command(let command): observation = await run(command, timeout: check.timeout)
        }
        if observation.responseMilliseconds == 0 {
            observation.responseMilliseconds = Self.milliseconds(ContinuousClock.now - started)
        }
        return Self.judge(check, observation: observation, at: clock())
    }

    /// The verdict: conditions all hold and the probe itself did not fail. With no conditions a
    /// check is up when it connected (and, for commands, exited 0).
    public static func judge(_ check: HealthCheck, observation: CheckObservation, at now: Date) -> HealthSample {
        let evaluator = ConditionEvaluator(observation: observation, now: now)
        let results = check.conditions.map(evaluator.evaluate)
        let testsConnection = check.conditions.contains { $0.text.contains(ConditionPlaceholder.connected.rawValue) }
        var isUp = results.allSatisfy(\.passed)
        if observation.connected {
            // Connected but failed anyway: oversized body, non-zero exit.
            if observation.error != nil { isUp = false }
        } else if !testsConnection {
            isUp = false
        }
        return HealthSample(
            check: check.key, sampledAt: now, isUp: isUp,
            latencyMilliseconds: observation.connected ? observation.responseMilliseconds : nil,
            conditionResults: results, error: observation.error)
    }

    private func http(_ check: HealthCheck, url: String) async -> CheckObservation {
        let client = check.insecure ? Self.insecureClient : Self.secureClient
        let needsBody = check.conditions.contains { $0.usesBody }
        let limit = maximumBodyBytes
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: check.method)
        for (name, value) in check.headers { request.headers.add(name: name, value: value) }
        if let body = check.body { request.body = .bytes(ByteBuffer(string: body)) }
        let timeout = check.timeout
        let prepared = request
        let started = ContinuousClock.now
        var observation = CheckObservation(connected: false)
        do {
            let (status, body) = try await ProbeFailure.withDeadline(seconds: timeout + 0.5) {
                let response = try await client.execute(prepared, timeout: .milliseconds(Int64(timeout * 1000)))
                let status = Int(response.status.code)
                guard needsBody else { return (status, [UInt8]?.none) }
                do {
                    let buffer = try await response.body.collect(upTo: limit)
                    return (status, Optional(Array(buffer.readableBytesView)))
                } catch is NIOTooManyBytesError {
                    throw BodyTooLarge(status: status)
                }
            }
            observation.connected = true
            observation.statusCode = status
            observation.body = body
        } catch let tooLarge as BodyTooLarge {
            observation.connected = true
            observation.statusCode = tooLarge.status
            observation.error = "response body is larger than \(ByteCount.text(limit)); not read"
        } catch {
            // Parsed only on failure: a thousand probes a second should not each parse their URL.
            observation.error = ProbeFailure.reason(error, host: URL(string: url)?.host ?? url, timeout: timeout)
        }
        observation.responseMilliseconds = Self.milliseconds(ContinuousClock.now - started)
        if observation.connected, check.conditions.contains(where: { $0.usesCertificate }),
            url.lowercased().hasPrefix("https://"), let parts = URLComponents(string: url), let host = parts.host
        {
            let outcome = await sockets.connect(
                host: host, port: parts.port ?? 443, tls: true, insecure: check.insecure, timeout: timeout)
            observation.certificateExpiresAt = outcome.certificateExpiresAt
        }
        return observation
    }

    private struct BodyTooLarge: Error {
        var status: Int
    }

    private func run(_ command: String, timeout: Double) async -> CheckObservation {
        let invocation = StepInvocation(
            program: "/bin/sh", arguments: ["-c", command], environment: [:],
            workingDirectory: FileManager.default.currentDirectoryPath, command: command, timeout: timeout)
        let result = await executor.run(invocation)
        var observation = CheckObservation(
            connected: result.termination.exitStatus != nil, responseMilliseconds: result.durationSeconds * 1000,
            body: Array(result.output.text.utf8))
        switch result.outcome {
        case .timedOut:
            observation.error = "timed out after \(GoDuration.text(seconds: timeout))"
            observation.exitStatus = -1
        default:
            observation.exitStatus = result.termination.exitStatus ?? -1
            if observation.exitStatus != 0 { observation.error = "command ended with \(result.termination.summary)" }
        }
        return observation
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

extension HealthProber {
    /// Probes every check once, all at the same time, results in the checks' order.
    public func probeAll(_ checks: [HealthCheck]) async -> [HealthSample] {
        await withTaskGroup(of: (Int, HealthSample).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask { (index, await self.probe(check)) }
            }
            var samples = [HealthSample?](repeating: nil, count: checks.count)
            for await (index, sample) in group { samples[index] = sample }
            return samples.compactMap { $0 }
        }
    }
}
