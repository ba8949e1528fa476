import Foundation
import Synchronization
import Testing

@testable import IncidentCore

/// Sample writes are batched: plain samples wait for the write timer or `flush()` and go in one
/// transaction; a state change is written at once, after everything queued before it.
@Suite struct HealthBatchingTests {
    let check = HealthCheck(
        name: "payments-api", target: .http(url: "http://127.0.0.1:1/"),
        conditions: [try! HealthCondition(parsing: "[STATUS] == 200")], failureThreshold: 2, successThreshold: 1,
        service: "payments")

    func sample(_ up: Bool, at clock: TestClock, check: String = "payments-api") -> HealthSample {
        HealthFixture.sample(up, at: clock.now, check: check)
    }

    @Test func plainSamplesWaitAndGoInOneTransaction() async throws {
        let fixture = try StoreFixture()
        let store = CountingHealthStore(fixture.store)
        let other = HealthCheck(name: "search", target: .http(url: "http://127.0.0.1:2/"))
        let monitor = HealthMonitor(checks: [check, other], store: store, probe: { _ in fatalError("not polled") })
        fixture.clock.advance(minutes: 1)
        await monitor.handle(sample(true, at: fixture.clock), for: check)
        #expect(store.batches == [1])
        for round in 0..<3 {
            fixture.clock.advance(minutes: 1)
            let first = await monitor.handle(sample(true, at: fixture.clock), for: check)
            let second = await monitor.handle(sample(true, at: fixture.clock, check: "search"), for: other)
            #expect(first.transition == nil && first.notifiedIncidents.isEmpty)
            #expect((second.transition?.to == .up) == (round == 0))
        }
        // The first `search` sample was a transition and took the pending one with it.
        #expect(store.batches == [1, 2])
        #expect(await monitor.pendingCount == 4)
        #expect(try fixture.store.healthSamples(check: "payments-api", limit: 100).count == 2)
        await monitor.flush()
        #expect(store.batches == [1, 2, 4])
        #expect(await monitor.pendingCount == 0)
        #expect(try fixture.store.healthSamples(check: "payments-api", limit: 100).count == 4)
        #expect(try fixture.store.healthSamples(check: "search", limit: 100).count == 3)
        #expect(await monitor.flush() == nil)
    }

    @Test func aStateChangeIsWrittenAtOnceAfterWhatWasPending() async throws {
        let fixture = try StoreFixture()
        let incident = try fixture.store.declareIncident(
            IncidentDeclaration(title: "Payments", severity: .p1, services: ["payments"]), by: fixture.alice)
        let store = CountingHealthStore(fixture.store)
        let monitor = HealthMonitor(checks: [check], store: store, probe: { _ in fatalError("not polled") })
        var events: [HealthEvent] = []
        for up in [true, true, false, false] {
            fixture.clock.advance(minutes: 1)
            events.append(await monitor.handle(sample(up, at: fixture.clock), for: check))
        }
        #expect(events.map(\.state) == [.up, .up, .up, .down])
        #expect(events[3].notifiedIncidents == [incident.key])
        #expect(store.batches == [1, 3])
        let samples = try fixture.store.healthSamples(check: "payments-api", limit: 100)
        #expect(samples.map(\.isUp) == [true, true, false, false])
        let entries = try fixture.store.timeline(key: incident.key, fromSequence: 1, limit: 50).filter {
            $0.kind == .health
        }
        #expect(
            entries.map(\.text) == ["Health check payments-api is DOWN after 2 failed probe(s): [STATUS] (503) == 200"])
    }

    @Test func theWriteTimerFlushesAndStopWritesTheRest() async throws {
        let fixture = try StoreFixture()
        let store = CountingHealthStore(fixture.store)
        let sleeper = HealthManualSleeper()
        let timer = HealthManualSleeper()
        let clock = fixture.clock
        let polled = HealthCheck(name: "search", target: .http(url: "http://127.0.0.1:2/"), interval: 1)
        let monitor = HealthMonitor(
            checks: [polled], store: store, sleeper: sleeper, flushInterval: 1, flushSleeper: timer
        ) { check in
            HealthSample(
                check: check.key, sampledAt: clock.now, isUp: true, latencyMilliseconds: 1, conditionResults: [],
                error: nil)
        }
        let events = await monitor.events()
        await monitor.start()
        var iterator = events.makeAsyncIterator()
        for _ in 0..<3 {
            _ = try #require(await iterator.next())
            await sleeper.waitForSleepers(1)
            sleeper.advance(by: 1)
        }
        _ = try #require(await iterator.next())
        // The first sample was the change to up; three plain ones wait for the timer.
        #expect(store.batches == [1])
        await timer.waitForSleepers(1)
        timer.advance(by: 1)
        await timer.waitForSleepers(1)
        #expect(store.batches == [1, 3])
        await sleeper.waitForSleepers(1)
        sleeper.advance(by: 1)
        _ = try #require(await iterator.next())
        await sleeper.waitForSleepers(1)
        sleeper.cancelAll()
        timer.cancelAll()
        await monitor.stop()
        #expect(store.batches == [1, 3, 1])
        #expect(try fixture.store.healthSamples(check: "search", limit: 100).count == 5)
    }

    @Test func historyIsTrimmedEveryHundredthSampleOfACheck() async throws {
        let fixture = try StoreFixture()
        let store = CountingHealthStore(fixture.store)
        let retention = HealthRetention(maximumAge: 24 * 3600, maximumSamples: 10_000)
        let monitor = HealthMonitor(
            checks: [check], store: store, retention: retention, probe: { _ in fatalError("not polled") })
        #expect(monitor.trimEvery == 100)
        for _ in 0..<201 {
            fixture.clock.advance(minutes: 0.1)
            await monitor.handle(sample(true, at: fixture.clock), for: check)
        }
        await monitor.flush()
        #expect(store.trimmed == [0, 100, 200])
        let small = HealthMonitor(
            checks: [check], store: store, retention: HealthRetention(maximumAge: 3600, maximumSamples: 5),
            probe: { _ in fatalError("not polled") })
        #expect(small.trimEvery == 1)
    }

    @Test func aFailedWriteIsReportedUntilOneSucceeds() async throws {
        let fixture = try StoreFixture()
        let store = CountingHealthStore(fixture.store)
        let monitor = HealthMonitor(checks: [check], store: store, probe: { _ in fatalError("not polled") })
        await monitor.handle(sample(true, at: fixture.clock), for: check)
        fixture.clock.advance(minutes: 1)
        await monitor.handle(sample(true, at: fixture.clock), for: check)
        store.failing = true
        #expect(await monitor.flush() == nil)
        fixture.clock.advance(minutes: 1)
        let event = await monitor.handle(sample(true, at: fixture.clock), for: check)
        #expect(event.storeError?.contains("disk full") == true)
        store.failing = false
        #expect(await monitor.flush() == [[]])
        fixture.clock.advance(minutes: 1)
        #expect(await monitor.handle(sample(true, at: fixture.clock), for: check).storeError == nil)
        #expect(try fixture.store.healthSamples(check: "payments-api", limit: 100).count == 2)
    }
}

/// Passes writes to a real store, remembering each batch's size and which samples (by position
/// among all samples written) asked for a trim; can be told to fail.
final class CountingHealthStore: HealthStore {
    private struct Log {
        var batches: [Int] = []
        var trimmed: [Int] = []
        var written = 0
        var failing = false
    }

    private struct DiskFull: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    private let store: any SitrepStore
    private let log = Mutex(Log())

    init(_ store: any SitrepStore) {
        self.store = store
    }

    var batches: [Int] { log.withLock { $0.batches } }
    var trimmed: [Int] { log.withLock { $0.trimmed } }
    var failing: Bool {
        get { log.withLock { $0.failing } }
        set { log.withLock { $0.failing = newValue } }
    }

    func recordHealthSamples(_ records: [HealthRecord], retention: HealthRetention) throws -> [[String]] {
        try log.withLock { log in
            if log.failing { throw DiskFull() }
            log.batches.append(records.count)
            for (offset, record) in records.enumerated() where record.trimsHistory {
                log.trimmed.append(log.written + offset)
            }
            log.written += records.count
        }
        return try store.recordHealthSamples(records, retention: retention)
    }

    func healthSamples(check: String, limit: Int) throws -> [HealthSample] {
        try store.healthSamples(check: check, limit: limit)
    }

    func lastHealthStates() throws -> [String: (state: HealthState, since: Date)] {
        try store.lastHealthStates()
    }
}
