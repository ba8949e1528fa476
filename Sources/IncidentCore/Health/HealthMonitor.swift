import Foundation

/// Polls every check on its own interval in its own task, so a slow or hanging endpoint never
/// delays another. Applies each check's thresholds, stores samples (with retention) and state
/// changes through the store, and publishes every result to subscribers and `onEvent`.
public actor HealthMonitor {
    public typealias Probe = @Sendable (HealthCheck) async -> HealthSample

    public let checks: [HealthCheck]
    private let store: (any HealthStore)?
    private let retention: HealthRetention
    private let probe: Probe
    private let sleeper: any HealthSleeper
    private let onEvent: (@Sendable (HealthEvent) -> Void)?
    /// How many samples per check are kept in memory for the console's sparkline.
    public let recentLimit: Int
    private var trackers: [String: HealthTracker] = [:]
    private var recent: [String: [HealthSample]] = [:]
    private var tasks: [Task<Void, Never>] = []
    private var subscribers: [UUID: AsyncStream<HealthEvent>.Continuation] = [:]

    public init(
        checks: [HealthCheck], store: (any HealthStore)?, retention: HealthRetention = HealthRetention(),
        sleeper: any HealthSleeper = TaskSleeper(), recentLimit: Int = 60,
        onEvent: (@Sendable (HealthEvent) -> Void)? = nil, probe: @escaping Probe
    ) {
        self.checks = checks
        self.store = store
        self.retention = retention
        self.sleeper = sleeper
        self.recentLimit = recentLimit
        self.onEvent = onEvent
        self.probe = probe
        let restored = (try? store?.lastHealthStates()) ?? [:]
        for check in checks {
            if let last = restored[check.key] {
                trackers[check.key] = HealthTracker(check: check, state: last.state, since: last.since)
            } else {
                trackers[check.key] = HealthTracker(check: check)
            }
        }
    }

    /// A monitor probing with a real `HealthProber`.
    public init(
        checks: [HealthCheck], store: (any HealthStore)?, retention: HealthRetention = HealthRetention(),
        prober: HealthProber, sleeper: any HealthSleeper = TaskSleeper(),
        onEvent: (@Sendable (HealthEvent) -> Void)? = nil
    ) {
        self.init(
            checks: checks, store: store, retention: retention, sleeper: sleeper, onEvent: onEvent,
            probe: { await prober.probe($0) })
    }

    /// Starts one polling task per check; each probes at once, then every `interval`.
    public func start() {
        guard tasks.isEmpty else { return }
        for check in checks {
            tasks.append(
                Task { [weak self, probe, sleeper] in
                    while !Task.isCancelled {
                        let started = ContinuousClock.now
                        let sample = await probe(check)
                        if Task.isCancelled { return }
                        await self?.handle(sample, for: check)
                        let elapsed = HealthProber.milliseconds(ContinuousClock.now - started) / 1000
                        do {
                            try await sleeper.sleep(seconds: max(0, check.interval - elapsed))
                        } catch {
                            return
                        }
                    }
                })
        }
    }

    /// Cancels every polling task and waits for them, then ends subscriber streams.
    public func stop() async {
        let running = tasks
        tasks = []
        for task in running { task.cancel() }
        for task in running { await task.value }
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
        checks.map { check in
            let tracker = trackers[check.key]
            let samples = recent[check.key] ?? []
            return HealthCheckStatus(
                check: check, state: tracker?.state ?? .unknown, since: tracker?.lastChange, lastSample: samples.last,
                recentSamples: samples)
        }
    }

    /// Counts a sample against the check's thresholds, stores it, and tells subscribers.
    @discardableResult
    public func handle(_ sample: HealthSample, for check: HealthCheck) -> HealthEvent {
        var tracker = trackers[check.key] ?? HealthTracker(check: check)
        let transition = tracker.record(sample)
        trackers[check.key] = tracker
        var samples = recent[check.key] ?? []
        samples.append(sample)
        if samples.count > recentLimit { samples.removeFirst(samples.count - recentLimit) }
        recent[check.key] = samples
        var notified: [String] = []
        var storeError: String?
        if let store {
            do {
                notified = try store.recordHealthSample(sample, transition: transition, retention: retention)
            } catch {
                storeError = "\(error)"
            }
        }
        let event = HealthEvent(
            sample: sample, state: tracker.state, transition: transition, notifiedIncidents: notified,
            storeError: storeError)
        onEvent?(event)
        for continuation in subscribers.values { continuation.yield(event) }
        return event
    }
}
