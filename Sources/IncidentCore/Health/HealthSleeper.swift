/// How the monitor tells time and waits between probes; tests pass a hand-advanced one so nothing
/// really sleeps and deadlines are exact.
public protocol HealthSleeper: Sendable {
    /// Seconds on this sleeper's monotonic clock, from any fixed origin.
    func now() -> Double
    func sleep(seconds: Double) async throws
}
