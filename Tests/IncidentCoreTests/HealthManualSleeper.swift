import IncidentCore
import Synchronization

/// A sleeper the test advances by hand: each `sleep` waits until `advance` moves virtual time
/// past its deadline, and tests can wait until a given number of checks are asleep.
final class HealthManualSleeper: HealthSleeper {
    private struct Sleeper {
        var deadline: Double
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = 0.0
        var sleepers: [Sleeper] = []
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    func now() -> Double {
        state.withLock { $0.now }
    }

    func sleep(seconds: Double) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.sleepers.append(Sleeper(deadline: state.now + seconds, continuation: continuation))
                let count = state.sleepers.count
                let ready = state.waiters.filter { $0.count <= count }.map(\.continuation)
                state.waiters.removeAll { $0.count <= count }
                return ready
            }
            for continuation in ready { continuation.resume() }
        }
    }

    /// Returns once at least `count` sleeps are pending.
    func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.sleepers.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Moves virtual time on and wakes every sleep whose deadline has come.
    func advance(by seconds: Double) {
        let due = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.now += seconds
            let due = state.sleepers.filter { $0.deadline <= state.now }.map(\.continuation)
            state.sleepers.removeAll { $0.deadline <= state.now }
            return due
        }
        for continuation in due { continuation.resume() }
    }

    /// Ends every pending sleep with cancellation, as stopping the monitor would.
    func cancelAll() {
        let all = state.withLock { state in
            defer { state.sleepers = [] }
            return state.sleepers.map(\.continuation)
        }
        for continuation in all { continuation.resume(throwing: CancellationError()) }
    }
}
