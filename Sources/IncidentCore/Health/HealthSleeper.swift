/// How the monitor waits between probes; tests pass a hand-advanced one so nothing really sleeps.
public protocol HealthSleeper: Sendable {
    func sleep(seconds: Double) async throws
}
