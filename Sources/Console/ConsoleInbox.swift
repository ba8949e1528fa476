import Synchronization

/// Events posted by background work, drained by the loop on the terminal's thread.
final class ConsoleInbox: Sendable {
    private let pending = Mutex<[ConsoleEvent]>([])

    func post(_ event: ConsoleEvent) {
        pending.withLock { $0.append(event) }
    }

    func drain() -> [ConsoleEvent] {
        pending.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}
