import BenchSupport
import Foundation
import GRDB
import Synchronization
import Testing

@testable import IncidentCore

/// Thresholds, timeline entries, retention and scheduling, with an injected clock and sleeper.
@Suite struct HealthMonitorTests {
    let check = HealthCheck(
        name: "payments-api", target: .http(url: "http://127.0.0.1:1/"),
        conditions: [try! HealthCondition(parsing: "[STATUS] == 200")],
        service: "payments")

    func sample(_ up: Bool, at clock: TestClock, check: String = "payments-api") -> HealthSample {
        HealthFixture.sample(up, at: clock.now, check: check)
    }

    @Test func thresholdsDampFlapping() {
        let clock = TestClock()
        var tracker = HealthTracker(check: check)
        #expect(tracker.state == .unknown)
        #expect(tracker.record(sample(true, at: clock))?.to == .up)
        var changes: [HealthState] = []
        for up in [false, false, true, false, false, false, true, false, true, true] {
            clock.advance(minutes: 1)
            if let transition = tracker.record(sample(up, at: clock)) { changes.append(transition.to) }
        }
        #expect(changes == [.down, .up])
        #expect(tracker.lastChange == clock.now)
        var fresh = HealthTracker(check: check)
        #expect(fresh.record(sample(false, at: clock)) == nil)
        #expect(fresh.record(sample(false, at: clock)) == nil)
        let down = fresh.record(sample(false, at: clock))
        #expect(down?.from == .unknown && down?.to == .down && down?.isNews == true && down?.streak == 3)
    }

    @Test func transitionsReachOpenIncidentsOfTheService() async throws {
        let fixture = try StoreFixture()
        let linked = try fixture.store.declareIncident(
            IncidentDeclaration(title: "Payments failing", severity: .p1, services: ["payments"]), by: fixture.alice)
        let other = try fixture.declare("Checkout slow")
        let closed = try fixture.store.declareIncident(
            IncidentDeclaration(title: "Old payments outage", severity: .p2, services: ["payments"]), by: fixture.alice)
        _ = try fixture.store.changeStatus(key: closed.key, move: .to(.resolved), note: nil, by: fixture.alice)
        let monitor = HealthMonitor(checks: [check], store: fixture.store, probe: { _ in fatalError("not polled") })
        var recorded: [HealthEvent] = []
        for up in [true, false, false, false, true, true] {
            fixture.clock.advance(minutes: 1)
            recorded.append(await monitor.handle(sample(up, at: fixture.clock), for: check))
        }
        #expect(recorded.compactMap(\.transition).map(\.to) == [.up, .down, .up])
        #expect(recorded[3].notifiedIncidents == [linked.key])
        let health = try fixture.store.timeline(key: linked.key, fromSequence: 1, limit: 100).filter {
            $0.kind == .health
        }
        #expect(health.count == 2)
        #expect(health[0].text == "Health check payments-api is DOWN after 3 failed probe(s): [STATUS] (503) == 200")
        #expect(health[0].author == "sitrep-health")
        #expect(health[0].details.contains(#""failedConditions":"[STATUS] (503) == 200""#))
        #expect(health[1].text == "Health check payments-api is UP again after 2 successful probe(s)")
        #expect(
            try fixture.store.timeline(key: other.key, fromSequence: 1, limit: 100).allSatisfy { $0.kind != .health })
        #expect(
            try fixture.store.timeline(key: closed.key, fromSequence: 1, limit: 100).allSatisfy { $0.kind != .health })
        #expect(try fixture.store.verifyChains(key: nil).firstBreak == nil)
        #expect(try fixture.store.lastHealthStates()["payments-api"]?.state == .up)
        #expect(try fixture.store.healthSamples(check: "payments-api", limit: 100).count == 6)
    }

    @Test func retentionKeepsTheNewestSamplesWithinAge() throws {
        let fixture = try StoreFixture()
        let retention = HealthRetention(maximumAge: 3600, maximumSamples: 5)
        for index in 0..<8 {
            fixture.clock.advance(minutes: 1)
            try fixture.store.recordHealthSample(
                sample(index % 2 == 0, at: fixture.clock), transition: nil, retention: retention)
            try fixture.store.recordHealthSample(
                sample(true, at: fixture.clock, check: "other"), transition: nil, retention: retention)
        }
        let kept = try fixture.store.healthSamples(check: "payments-api", limit: 100)
        #expect(kept.count == 5)
        #expect(kept.last?.sampledAt == fixture.clock.now)
        #expect(kept.first?.sampledAt == fixture.clock.now.addingTimeInterval(-4 * 60))
        #expect(kept.last?.conditionResults.first?.condition == "[STATUS] == 200")
        fixture.clock.advance(minutes: 120)
        try fixture.store.recordHealthSample(sample(true, at: fixture.clock), transition: nil, retention: retention)
        #expect(try fixture.store.healthSamples(check: "payments-api", limit: 100).count == 1)
        #expect(try fixture.store.healthSamples(check: "other", limit: 100).count == 5)
    }

    /// With a spread, a check's first probe waits for its own offset, so checks started together
    /// probe at different instants; the grid then runs from there.
    @Test func firstProbeWaitsForItsStartOffset() async throws {
        let sleeper = HealthManualSleeper()
        let clock = TestClock()
        let check = HealthCheck(name: "spread", target: .http(url: "http://127.0.0.1:1/"), interval: 10)
        let offset = HealthSchedule.startOffset(for: check.key, interval: 10, spread: 1)
        try #require(offset > 0.01)
        let probed = Mutex<[Double]>([])
        let monitor = HealthMonitor(checks: [check], store: nil, sleeper: sleeper, startSpread: 1) { check in
            probed.withLock { $0.append(sleeper.now()) }
            return HealthSample(
                check: check.key, sampledAt: clock.now, isUp: true, latencyMilliseconds: 1, conditionResults: [],
                error: nil)
        }
        let events = await monitor.events()
        await monitor.start()
        await sleeper.waitForSleepers(1)
        #expect(probed.withLock { $0.isEmpty }, "no probe before the offset")
        sleeper.advance(by: offset)
        var iterator = events.makeAsyncIterator()
        _ = try #require(await iterator.next())
        #expect(probed.withLock { $0 } == [offset])
        sleeper.cancelAll()
        await monitor.stop()
    }

    @Test func aHangingCheckNeverDelaysTheOthers() async throws {
        let sleeper = HealthManualSleeper()
        let clock = TestClock()
        let fast = HealthCheck(name: "fast", target: .http(url: "http://127.0.0.1:1/"), interval: 10)
        let hanging = HealthCheck(name: "hanging", target: .http(url: "http://127.0.0.1:2/"), interval: 10)
        let monitor = HealthMonitor(checks: [hanging, fast], store: nil, sleeper: sleeper) { check in
            if check.name == "hanging" {
                try? await Task.sleep(for: .seconds(3600))
            }
            return HealthSample(
                check: check.key, sampledAt: clock.now, isUp: true, latencyMilliseconds: 1, conditionResults: [],
                error: nil)
        }
        let events = await monitor.events()
        await monitor.start()
        var iterator = events.makeAsyncIterator()
        for round in 1...5 {
            let event = try #require(await iterator.next())
            #expect(event.sample.check == "fast")
            #expect(event.state == .up)
            await sleeper.waitForSleepers(1)
            if round < 5 { sleeper.advance(by: 10) }
        }
        let statuses = await monitor.statuses()
        #expect(statuses.map(\.state) == [.unknown, .up])
        #expect(statuses[1].recentSamples.count == 5)
        #expect(statuses[0].lastSample == nil)
        sleeper.cancelAll()
        await monitor.stop()
    }

    @Test func monitorPollsARealServerAndRecordsTheOutage() async throws {
        let fixture = try StoreFixture()
        let incident = try fixture.store.declareIncident(
            IncidentDeclaration(title: "Payments", severity: .p1, services: ["payments"]), by: fixture.alice)
        let healthy = Mutex(true)
        let server = try await LoopbackHTTPServer { _, _ in
            healthy.withLock { $0 }
                ? LoopbackResponse(text: #"{"status":"UP"}"#)
                : LoopbackResponse(status: 503, text: #"{"status":"DOWN"}"#)
        }
        var check = HealthCheck(
            name: "payments", target: .http(url: "http://127.0.0.1:\(server.port)/health"), interval: 5,
            conditions: [
                try HealthCondition(parsing: "[STATUS] == 200"), try HealthCondition(parsing: "[BODY].status == UP"),
            ],
            failureThreshold: 2, successThreshold: 1, service: "payments")
        check.group = "core"
        let sleeper = HealthManualSleeper()
        let prober = HealthProber(clock: fixture.clock.function)
        let monitor = HealthMonitor(
            checks: [check], store: fixture.store, prober: prober, sleeper: sleeper, startSpread: 0)
        let events = await monitor.events()
        await monitor.start()
        var iterator = events.makeAsyncIterator()
        var states: [HealthState] = []
        for round in 0..<5 {
            let event = try #require(await iterator.next())
            states.append(event.state)
            healthy.withLock { $0 = round >= 3 || round == 0 }
            await sleeper.waitForSleepers(1)
            fixture.clock.advance(minutes: 1)
            sleeper.advance(by: 5)
        }
        #expect(states == [.up, .up, .up, .down, .up])
        let entries = try fixture.store.timeline(key: incident.key, fromSequence: 1, limit: 50).filter {
            $0.kind == .health
        }
        #expect(
            entries.map(\.text) == [
                "Health check core/payments is DOWN after 2 failed probe(s): [STATUS] (503) == 200; [BODY].status (DOWN) == UP",
                "Health check core/payments is UP again after 1 successful probe(s)",
            ])
        sleeper.cancelAll()
        await monitor.stop()
        await server.stop()
    }
}
