import BenchSupport
import Foundation
import Testing

@testable import IncidentCore

/// Probes against real servers on 127.0.0.1: every failure is a down sample with a reason.
@Suite struct HealthProbeTests {
    let prober = HealthProber()

    @Test func httpConditionsPassAndFail() async throws {
        let server = try await LoopbackHTTPServer(responder: HealthFixture.responder)
        let base = "http://127.0.0.1:\(server.port)"
        let up = await prober.probe(
            try HealthFixture.check(
                "ok", base + "/ok",
                [
                    "[STATUS] == 200", "[BODY].status == UP", "len([BODY].items) == 2", "[BODY].items[0].id == 7",
                    "[RESPONSE_TIME] >= 0",
                ]))
        #expect(up.isUp, "\(up)")
        #expect(up.conditionResults.count == 5 && up.error == nil && up.latencyMilliseconds != nil)
        let down = await prober.probe(
            try HealthFixture.check("down", base + "/down", ["[STATUS] == 200", "[BODY].status == UP"]))
        #expect(!down.isUp)
        #expect(down.failedConditions.map(\.resolved) == ["[STATUS] (503) == 200", "[BODY].status (DOWN) == UP"])
        var post = try HealthFixture.check("post", base + "/echo-method", ["[BODY].method == POST"])
        post.method = "POST"
        post.body = "{}"
        #expect(await prober.probe(post).isUp)
        await server.stop()
    }

    @Test func oversizedAndNonJSONBodiesAreReadableFailures() async throws {
        let server = try await LoopbackHTTPServer(responder: HealthFixture.responder)
        let base = "http://127.0.0.1:\(server.port)"
        let big = await prober.probe(try HealthFixture.check("big", base + "/big", ["[BODY] == pat(*x*)"]))
        #expect(!big.isUp)
        #expect(big.error == "response body is larger than 4.0 MiB; not read", "\(big)")
        let bigWithoutBody = await prober.probe(try HealthFixture.check("big", base + "/big", ["[STATUS] == 200"]))
        #expect(bigWithoutBody.isUp, "a body no condition reads is not downloaded")
        let html = await prober.probe(try HealthFixture.check("html", base + "/html", ["[BODY].status == UP"]))
        #expect(!html.isUp)
        #expect(html.evidence.contains("body is not valid JSON"))
        await server.stop()
    }

    @Test func refusedDNSAndTimeoutAreFailuresWithReasons() async throws {
        let closed = try await HealthFixture.closedPort()
        let refused = await prober.probe(
            try HealthFixture.check("refused", "http://127.0.0.1:\(closed)/", ["[STATUS] == 200"]))
        #expect(!refused.isUp)
        #expect(refused.error?.contains("connection refused") == true, "\(refused)")
        let dns = await prober.probe(
            try HealthFixture.check("dns", "http://no-such-host.invalid/", ["[STATUS] == 200"]))
        #expect(!dns.isUp)
        #expect(dns.error?.contains("DNS lookup failed for no-such-host.invalid") == true, "\(dns)")
        let server = try await LoopbackHTTPServer(responder: HealthFixture.responder)
        let hang = await prober.probe(
            try HealthFixture.check("hang", "http://127.0.0.1:\(server.port)/hang", ["[STATUS] == 200"], timeout: 0.3))
        #expect(!hang.isUp)
        #expect(hang.error == "timed out after 300ms", "\(hang)")
        let tcpRefused = await prober.probe(
            try HealthFixture.check("tcp", "tcp://127.0.0.1:\(closed)", ["[CONNECTED] == true"]))
        #expect(!tcpRefused.isUp && tcpRefused.error?.contains("refused") == true, "\(tcpRefused)")
        let expectDown = await prober.probe(
            try HealthFixture.check("tcp", "tcp://127.0.0.1:\(closed)", ["[CONNECTED] == false"]))
        #expect(expectDown.isUp, "[CONNECTED] == false holds when nothing listens")
        await server.stop()
    }

    @Test func tcpAndTLSWithCertificateExpiry() async throws {
        let files = try HealthFixture.certificate(days: 30)
        let server = try await LoopbackHTTPServer(
            certificate: files.certificate, privateKey: files.key, responder: HealthFixture.responder)
        let tcp = await prober.probe(
            try HealthFixture.check("tcp", "tcp://127.0.0.1:\(server.port)", ["[CONNECTED] == true"]))
        #expect(tcp.isUp, "\(tcp)")
        let tls = await prober.probe(
            try HealthFixture.check(
                "tls", "tls://127.0.0.1:\(server.port)", ["[CONNECTED] == true", "[CERTIFICATE_EXPIRATION] > 48h"],
                insecure: true))
        #expect(tls.isUp, "\(tls)")
        let tooSoon = await prober.probe(
            try HealthFixture.check(
                "tls", "tls://127.0.0.1:\(server.port)", ["[CERTIFICATE_EXPIRATION] > 1000h"], insecure: true))
        #expect(!tooSoon.isUp)
        #expect(tooSoon.failedConditions.first?.resolved.hasPrefix("[CERTIFICATE_EXPIRATION] (7") == true, "\(tooSoon)")
        let https = await prober.probe(
            try HealthFixture.check(
                "https", "https://127.0.0.1:\(server.port)/ok", ["[STATUS] == 200", "[CERTIFICATE_EXPIRATION] > 48h"],
                insecure: true))
        #expect(https.isUp, "\(https)")
        let verified = await prober.probe(
            try HealthFixture.check("tls", "tls://127.0.0.1:\(server.port)", ["[CONNECTED] == true"]))
        #expect(!verified.isUp)
        #expect(verified.error?.hasPrefix("TLS error") == true, "\(verified)")
        let verifiedHTTPS = await prober.probe(
            try HealthFixture.check("https", "https://127.0.0.1:\(server.port)/ok", ["[STATUS] == 200"]))
        #expect(!verifiedHTTPS.isUp)
        #expect(verifiedHTTPS.error?.contains("TLS error") == true, "\(verifiedHTTPS)")
        await server.stop()
    }

    @Test func commandChecks() async throws {
        let ok = await prober.probe(
            try HealthFixture.check("cmd", #"printf '{"status":"UP"}'"#, ["[BODY].status == UP"]))
        #expect(ok.isUp, "\(ok)")
        let failing = await prober.probe(try HealthFixture.check("cmd", "echo broken; exit 3", []))
        #expect(!failing.isUp)
        #expect(failing.error == "command ended with exit 3")
        let slow = await prober.probe(try HealthFixture.check("cmd", "sleep 30", [], timeout: 0.3))
        #expect(!slow.isUp)
        #expect(slow.error == "timed out after 300ms", "\(slow)")
    }

    @Test func probeAllRunsConcurrentlyAndKeepsOrder() async throws {
        let server = try await LoopbackHTTPServer(responder: HealthFixture.responder)
        let base = "http://127.0.0.1:\(server.port)"
        let checks = [
            try HealthFixture.check("hang", base + "/hang", ["[STATUS] == 200"], timeout: 0.5),
            try HealthFixture.check("ok", base + "/ok", ["[STATUS] == 200"]),
        ]
        let samples = await prober.probeAll(checks)
        #expect(samples.map(\.check) == ["hang", "ok"])
        #expect(samples.map(\.isUp) == [false, true])
        await server.stop()
    }
}
