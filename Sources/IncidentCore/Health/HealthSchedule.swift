/// When a check probes next: on a fixed grid of `interval` from its first probe, so waiting never
/// drifts by the probe's own time, the store write or the timer's lateness. A probe that overruns
/// skips the grid slots it covered and counts them as missed, rather than bunching probes up. A
/// pure value on any clock, so the arithmetic is tested without sleeping.
public struct HealthSchedule: Sendable, Equatable {
    public let interval: Double
    /// The grid time of the next probe, on the same clock as `now` passed to `wait(after:)`.
    public private(set) var nextDeadline: Double
    /// Slots skipped because a probe (or the process) was still busy when they came.
    public private(set) var missed = 0

    /// A schedule whose first probe is due at `start`.
    public init(interval: Double, start: Double) {
        self.interval = max(interval, 0)
        nextDeadline = start
    }

    /// Called when the probe of the current slot is done, at `now`: moves to the next slot that is
    /// still ahead and returns how long to wait for it.
    public mutating func wait(after now: Double) -> Double {
        nextDeadline += interval
        guard now > nextDeadline, interval > 0 else { return max(0, nextDeadline - now) }
        let behind = Int(((now - nextDeadline) / interval).rounded(.up))
        missed += behind
        nextDeadline += Double(behind) * interval
        return max(0, nextDeadline - now)
    }
}
