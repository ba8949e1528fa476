import Foundation

/// A span of detection times, `from` included and `before` excluded.
public struct StatsWindow: Sendable, Equatable {
    public var from: Date
    public var before: Date

    public init(from: Date, before: Date) {
        self.from = from
        self.before = before
    }

    /// `2025-01-01 – 2025-03-31`: the days it covers, as people say them (the last day included).
    public var description: String {
        let lastDay = Timestamp.day(before.addingTimeInterval(-0.001))
        let first = Timestamp.day(from)
        return first == lastDay ? first : "\(first) – \(lastDay)"
    }
}
