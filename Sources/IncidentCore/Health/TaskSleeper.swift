/// Real waiting on the continuous clock, cancelled with the monitor's task.
public struct TaskSleeper: HealthSleeper {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Double {
        HealthProber.milliseconds(ContinuousClock.now - origin) / 1000
    }

    public func sleep(seconds: Double) async throws {
        try await Task.sleep(for: .microseconds(Int64(max(0, seconds) * 1_000_000)))
    }
}
