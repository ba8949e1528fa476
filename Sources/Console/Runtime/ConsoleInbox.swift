import Synchronization

/// Events posted by background work, drained by the loop on the terminal's thread.
public final class ConsoleInbox: Sendable {
    private let pending = Mutex<[ConsoleEvent]>([])

    public init() {}

    public func post(_ event: ConsoleEvent) {
        pending.withLock { $0.append(event) }
    }

    public func drain() -> [ConsoleEvent] {
        pending.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}
