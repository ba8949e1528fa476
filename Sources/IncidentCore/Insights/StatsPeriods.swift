import Foundation

/// UTC weeks (Monday first, named by that Monday) and months, as period keys.
public enum StatsPeriods {
    /// `2025-01-06` for any time in the week starting Monday 6 January, or `2025-01`.
    public static func key(of date: Date, by grouping: StatsGrouping) -> String {
        let day = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        switch grouping {
        case .month:
            let civil = Timestamp.civilFromDays(day)
            return Timestamp.padded(civil.year, 4) + "-" + Timestamp.padded(civil.month)
        default:
            return dayText(monday(of: day))
        }
    }

    /// Every period from the one holding `window.from` to the one holding its last moment.
    public static func keys(covering window: StatsWindow, by grouping: StatsGrouping) -> [String] {
        let first = Int((window.from.timeIntervalSince1970 / 86_400).rounded(.down))
        let last = Int((window.before.addingTimeInterval(-0.001).timeIntervalSince1970 / 86_400).rounded(.down))
        guard last >= first else { return [] }
        var keys: [String] = []
        switch grouping {
        case .month:
            var civil = Timestamp.civilFromDays(first)
            let end = Timestamp.civilFromDays(last)
            while (civil.year, civil.month) <= (end.year, end.month) {
                keys.append(Timestamp.padded(civil.year, 4) + "-" + Timestamp.padded(civil.month))
                civil = civil.month == 12 ? (civil.year + 1, 1, 1) : (civil.year, civil.month + 1, 1)
            }
        default:
            for start in stride(from: monday(of: first), through: last, by: 7) { keys.append(dayText(start)) }
        }
        return keys
    }

    /// Day number of the Monday on or before `day` (day 0, 1970-01-01, was a Thursday).
    static func monday(of day: Int) -> Int {
        day - ((day + 3) % 7 + 7) % 7
    }

    static func dayText(_ day: Int) -> String {
        let civil = Timestamp.civilFromDays(day)
        return Timestamp.padded(civil.year, 4) + "-" + Timestamp.padded(civil.month) + "-"
            + Timestamp.padded(civil.day)
    }
}
