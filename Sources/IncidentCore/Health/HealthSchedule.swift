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

    /// When, within its first `min(interval, spread)` seconds, a check first probes: one of ten
    /// slots, picked by a stable hash (FNV-1a) of its key. A thousand checks started together then
    /// do not all queue a request at the same instant every interval (peak memory), while each
    /// slot still wakes up a hundred of them at once (CPU: one wake-up per probe costs twice as much).
    public static func startOffset(for key: String, interval: Double, spread: Double) -> Double {
        let window = min(max(interval, 0), max(spread, 0))
        guard window > 0 else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Double(hash % 10) / 10 * window
    }

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
