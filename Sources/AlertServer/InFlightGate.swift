import Synchronization

/// Counts requests waiting for the store; past the limit, new ones are turned away so a burst
/// is answered with "retry" instead of piling up without bound.
final class InFlightGate: Sendable {
    let limit: Int
    private let count = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    func enter() -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() {
        count.withLock { $0 -= 1 }
    }
}
