import Foundation
import IncidentCore
import Synchronization

/// A clock tests set by hand, so recorded times are exact and nothing sleeps.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: String = "2025-11-04T10:00:00Z") {
        current = Mutex(Timestamp.parseOrFail(start))
    }

    var now: Date { current.withLock { $0 } }

    func set(_ text: String) {
        current.withLock { $0 = Timestamp.parseOrFail(text) }
    }

    func advance(minutes: Double) {
        current.withLock { $0 = $0.addingTimeInterval(minutes * 60) }
    }

    var function: @Sendable () -> Date { { [self] in now } }
}

extension Timestamp {
    static func parseOrFail(_ text: String) -> Date {
        guard let date = parse(text) else { fatalError("bad test time \(text)") }
        return date
    }
}
