import Foundation

/// Reads `--since` and `--until` values: an age (`90d`, `12w`, `36h`) before the as-of time, a
/// calendar day, or an ISO-8601 time.
public enum StatsDate {
    public static let expected = "a day (2025-01-01), a time (2025-01-01T09:00:00Z) or an age (90d, 12w, 36h)"

    /// The moment `text` names; a day as its start (`endOfDay` false) or the start of the next
    /// day (`endOfDay` true, so `--until 2025-03-31` takes in all of the 31st). Nil when unreadable.
    public static func parse(_ text: String, asOf: Date, endOfDay: Bool) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let hours = ["h": 1.0, "d": 24.0, "w": 168.0][String(unit).lowercased()],
            let count = Int(trimmed.dropLast()), count >= 0, count <= 100_000
        {
            return asOf.addingTimeInterval(-Double(count) * hours * 3600)
        }
        if let day = Timestamp.parseDay(trimmed), let start = Timestamp.parse(day + "T00:00:00Z") {
            return endOfDay ? start.addingTimeInterval(86_400) : start
        }
        return Timestamp.parse(trimmed)
    }
}
