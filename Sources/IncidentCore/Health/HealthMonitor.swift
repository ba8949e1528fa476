import Foundation
import Logging

/// Polls every check on its own interval in its own task, so a slow or hanging endpoint never
/// delays another. Applies each check's thresholds, stores samples (with retention) and state
/// changes through the store, and publishes every result to subscribers and `onEvent`.
///
/// Samples are written in batches: plain samples wait (at most `flushInterval`) and go to the
/// store together in one transaction, so a thousand checks a second cost one commit a second, not
/// a thousand; the timed write runs off the actor. A sample that changes a check's state is
/// written at once, with everything pending before it, so the timeline and `notifiedIncidents`
/// are exact when its event goes out.
public actor HealthMonitor {
    public typealias Probe = @Sendable (HealthCheck) async -> HealthSample

    public let checks: [HealthCheck]
    private let store: (any HealthStore)?
    private let retention: HealthRetention
    private let probe: Probe
    private let sleeper: any HealthSleeper
    /// The write timer's clock: real time unless a test passes its own, so a test advancing the
    /// probes' sleeper by hand is not also racing the writes.
    private let flushSleeper: any HealthSleeper
    private let onEvent: (@Sendable (HealthEvent) -> Void)?
    /// How many samples per check are kept in memory for the console's sparkline.
    public let recentLimit: Int
    /// The longest a plain sample waits before it is written.
    nonisolated public let flushInterval: Double
    /// Pending samples that force a write even before `flushInterval`, bounding memory.
    nonisolated public let flushLimit: Int
    /// A check's history is trimmed to retention on every `trimEvery`-th sample (1% of
    /// `maximumSamples`, at most 100), so trimming stays cheap however long the history.
    nonisolated public let trimEvery: Int
    private var trackers: [String: HealthTracker] = [:]
    /// The Health pane's rows, kept up to date per sample so `statuses()` costs nothing per call.
    private var rows: [HealthCheckStatus]
    private var positions: [String: [Int]] = [:]
    private var sampleCounts: [String: Int] = [:]
    private var missed: [String: Int] = [:]
    private var pending: [HealthRecord] = []
    private var lastStoreError: String?
    private var tasks: [Task<Void, Never>] = []
    /// Seconds over which the checks' first probes are spread (see `HealthSchedule.startOffset`).
    private let startSpread: Double
    private var subscribers: [UUID: AsyncStream<HealthEvent>.Continuation] = [:]

    public init(
        checks: [HealthCheck], store: (any HealthStore)?, retention: HealthRetention = HealthRetention(),
        sleeper: any HealthSleeper = TaskSleeper(), recentLimit: Int = 60, flushInterval: Double = 1,
        flushLimit: Int = 10_000, flushSleeper: (any HealthSleeper)? = nil, startSpread: Double = 0,
        onEvent: (@Sendable (HealthEvent) -> Void)? = nil, probe: @escaping Probe
    ) {
        self.checks = checks
        self.startSpread = startSpread
        self.store = store
        self.retention = retention
        self.sleeper = sleeper
        self.flushSleeper = flushSleeper ?? TaskSleeper()
        self.recentLimit = recentLimit
        self.flushInterval = flushInterval
        self.flushLimit = max(1, flushLimit)
        trimEvery = max(1, min(100, retention.maximumSamples / 100))
        self.onEvent = onEvent
        self.probe = probe
        let restored = (try? store?.lastHealthStates()) ?? [:]
        for check in checks where trackers[check.key] == nil {
            if let last = restored[check.key] {
                trackers[check.key] = HealthTracker(check: check, state: last.state, since: last.since)
            } else {
                trackers[check.key] = HealthTracker(check: check)
            }
        }
        var rows: [HealthCheckStatus] = []
        for (index, check) in checks.enumerated() {
            positions[check.key, default: []].append(index)
            let tracker = trackers[check.key]
            rows.append(
                HealthCheckStatus(
                    check: check, state: tracker?.state ?? .unknown, since: tracker?.lastChange, lastSample: nil,
                    recentSamples: []))
        }
        self.rows = rows
    }

    /// A monitor probing with a real `HealthProber`; first probes are spread over a quarter second.
    public init(
        checks: [HealthCheck], store: (any HealthStore)?, retention: HealthRetention = HealthRetention(),
        prober: HealthProber, sleeper: any HealthSleeper = TaskSleeper(), recentLimit: Int = 60,
        flushSleeper: (any HealthSleeper)? = nil, startSpread: Double = 0.25,
        onEvent: (@Sendable (HealthEvent) -> Void)? = nil
    ) {
        self.init(
            checks: checks, store: store, retention: retention, sleeper: sleeper, recentLimit: recentLimit,
            flushSleeper: flushSleeper, startSpread: startSpread, onEvent: onEvent,
            probe: { await prober.probe($0) })
    }

    /// Starts one polling task per check; each probes after its start offset (at once when
    /// `startSpread` is 0), then every `interval` on a fixed grid. With a store, one more task
    /// writes pending samples every `flushInterval`.
    public func start() {
        guard tasks.isEmpty else { return }
        for check in checks {
            let offset = HealthSchedule.startOffset(for: check.key, interval: check.interval, spread: startSpread)
            tasks.append(
                Task { [weak self, probe, sleeper] in
                    if offset > 0 {
                        do { try await sleeper.sleep(seconds: offset) } catch { return }
                    }
                    var schedule = HealthSchedule(interval: check.interval, start: sleeper.now())
                    var reported = 0
                    while !Task.isCancelled {
                        let sample = await probe(check)
                        if Task.isCancelled { return }
                        await self?.handle(sample, for: check)
                        let wait = schedule.wait(after: sleeper.now())
                        if schedule.missed != reported {
                            reported = schedule.missed
                            await self?.noteMissed(reported, for: check.key)
                        }
                        do {
                            try await sleeper.sleep(seconds: wait)
                        } catch {
                            return
                        }
                    }
                })
        }
        if let store {
            // The timed write runs here, off the actor, so a slow commit (fsync on a busy disk)
            // never holds up `handle` and with it every check's next probe.
            tasks.append(
                Task.detached { [weak self, store, retention, flushSleeper, flushInterval] in
                    while !Task.isCancelled {
                        do {
                            try await flushSleeper.sleep(seconds: flushInterval)
                        } catch {
                            return
                        }
                        guard let batch = await self?.takePending() else { continue }
                        let outcome = Result { try store.recordHealthSamples(batch, retention: retention) }
                        await self?.noteWrite(outcome)
                    }
                })
        }
    }

    /// Cancels every polling task and waits for them, writes what is pending, then ends
    /// subscriber streams.
    public func stop() async {
        let running = tasks
        tasks = []
        for task in running { task.cancel() }
        for task in running { await task.value }
        flush()
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// Every event from now on, until `stop()` or the stream is dropped.
    public func events() -> AsyncStream<HealthEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: HealthEvent.self, bufferingPolicy: .bufferingNewest(1000))
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    /// The Health pane's rows, in config order.
    public func statuses() -> [HealthCheckStatus] {
        rows
    }

    /// Grid slots skipped so far because a probe overran them, by check; checks that missed none
    /// are absent.
    public func missedIntervals() -> [String: Int] {
        missed
    }

    private func noteMissed(_ count: Int, for key: String) {
        missed[key] = count
    }

    /// Samples handled but not yet written.
    public var pendingCount: Int { pending.count }

    /// Counts a sample against the check's thresholds, queues it for the store (writing at once,
    /// with everything queued before it, when it changes the check's state), and tells
    /// subscribers.
    @discardableResult
    public func handle(_ sample: HealthSample, for check: HealthCheck) -> HealthEvent {
        var tracker = trackers[check.key] ?? HealthTracker(check: check)
        let transition = tracker.record(sample)
        trackers[check.key] = tracker
        for index in positions[check.key] ?? [] {
            rows[index].state = tracker.state
            rows[index].since = tracker.lastChange
            rows[index].lastSample = sample
            rows[index].recentSamples.append(sample)
            if rows[index].recentSamples.count > recentLimit {
                rows[index].recentSamples.removeFirst(rows[index].recentSamples.count - recentLimit)
            }
        }
        let count = sampleCounts[check.key, default: 0]
        sampleCounts[check.key] = count + 1
        var notified: [String] = []
        if store != nil {
            pending.append(
                HealthRecord(sample: sample, transition: transition, trimsHistory: count % trimEvery == 0))
            if transition != nil || pending.count >= flushLimit {
                notified = flush()?.last ?? []
            }
        }
        if let transition {
            LogFile.logger.notice(
                "health check changed",
                metadata: [
                    "check": "\(transition.check)", "from": "\(transition.from.rawValue)",
                    "to": "\(transition.to.rawValue)", "evidence": "\(transition.sample.evidence)",
                ])
        }
        let event = HealthEvent(
            sample: sample, state: tracker.state, transition: transition, notifiedIncidents: notified,
            storeError: lastStoreError)
        onEvent?(event)
        for continuation in subscribers.values { continuation.yield(event) }
        return event
    }

    /// Writes every pending sample in one transaction. Returns, per sample written, the incidents
    /// whose timelines got an entry; nil when nothing was pending or the write failed (the
    /// samples are dropped then, and the error is reported with the following events until a
    /// write succeeds).
    @discardableResult
    public func flush() -> [[String]]? {
        guard let store, let batch = takePending() else { return nil }
        return noteWrite(Result { try store.recordHealthSamples(batch, retention: retention) })
    }

    /// Hands over what is pending for a write. Writes may then commit out of order (a state change
    /// is written at once, maybe while a timed batch is still being written); samples are read back
    /// in time order, so that is harmless.
    private func takePending() -> [HealthRecord]? {
        guard !pending.isEmpty else { return nil }
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    @discardableResult
    private func noteWrite(_ outcome: Result<[[String]], any Error>) -> [[String]]? {
        switch outcome {
        case .success(let notified):
            lastStoreError = nil
            return notified
        case .failure(let error):
            if lastStoreError == nil {
                LogFile.logger.error("health samples not saved", metadata: ["error": "\(error)"])
            }
            lastStoreError = "\(error)"
            return nil
        }
    }
}
