/// Real waiting on the continuous clock, cancelled with the monitor's task.
public struct TaskSleeper: HealthSleeper {
    public init() {}

    public func sleep(seconds: Double) async throws {
        try await Task.sleep(for: .milliseconds(Int64(max(0, seconds) * 1000)))
    }
}
