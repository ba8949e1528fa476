/// Terminal charts drawn with Unicode blocks, readable without colour and fitted to a width:
/// a bar per period of incident counts, and a percentile strip of time to mitigate per severity.
public enum StatsChart {
    /// Left to right: none to a full cell in eighths.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Both charts, with a blank line between.
    public static func render(_ stats: IncidentStats, width: Int) -> String {
        if stats.isEmpty { return stats.emptyMessage + "\n" }
        return (bars(stats, width: width) + [""] + strips(stats, width: width)).joined(separator: "\n") + "\n"
    }

    /// `Incidents per week`, then `2025-01-06 │████▌ 3` per period, the longest bar filling the width.
    public static func bars(_ stats: IncidentStats, width: Int) -> [String] {
        let periods = stats.incidentsPerPeriod
        let unit = stats.by == StatsGrouping.month.rawValue ? "month" : "week"
        var lines = ["Incidents per \(unit)"]
        let labelWidth = periods.map(\.key.count).max() ?? 0
        let most = periods.map(\.incidents).max() ?? 0
        let countWidth = String(most).count
        let barWidth = max(1, width - labelWidth - countWidth - 3)
        for period in periods {
            lines.append(
                period.key.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + " │"
                    + bar(period.incidents, of: most, width: barWidth) + " " + String(period.incidents))
        }
        return lines
    }

    /// A bar `value / most` of `width` cells, in eighths; a non-zero value always shows a sliver.
    public static func bar(_ value: Int, of most: Int, width: Int) -> String {
        guard value > 0, most > 0 else { return "" }
        let total = max(1, Int((Double(value) / Double(most) * Double(width * 8)).rounded()))
        return String(repeating: "█", count: total / 8) + eighths[total % 8]
    }

    /// `Time to mitigate by severity`, then `P1 ├──██████──┤ median 12m 00s · p90 40m 00s · max 1h 05m · n 4`
    /// per severity on one scale from 0 to the longest time, and a legend.
    public static func strips(_ stats: IncidentStats, width: Int) -> [String] {
        let longest = stats.ttmBySeverity.compactMap(\.spread.maxSeconds).max() ?? 0
        var lines = ["Time to mitigate by severity (0 to \(StatsText.duration(longest)))"]
        let notes = stats.ttmBySeverity.map { row -> String in
            let spread = row.spread
            guard spread.n > 0 else { return "not recorded · n 0" }
            return "median \(StatsText.duration(spread.medianSeconds)) · p90 \(StatsText.duration(spread.p90Seconds))"
                + " · max \(StatsText.duration(spread.maxSeconds)) · n \(spread.n)"
        }
        let noteWidth = notes.map(\.count).max() ?? 0
        let stripWidth = max(10, width - noteWidth - 4)
        for (row, note) in zip(stats.ttmBySeverity, notes) {
            lines.append("\(row.severity) " + strip(row.spread, longest: longest, width: stripWidth) + " " + note)
        }
        lines.append("   ├ fastest  ██ median to p90  ┤ slowest")
        return lines
    }

    /// `width` cells: blank outside the fastest and slowest times, `─` between, `█` from the
    /// median to the 90th percentile; `·` across the whole width when nothing was recorded.
    public static func strip(_ spread: StatsSpread, longest: Int, width: Int) -> String {
        guard let low = spread.minSeconds, let median = spread.medianSeconds, let p90 = spread.p90Seconds,
            let high = spread.maxSeconds
        else { return String(repeating: "·", count: width) }
        func position(_ seconds: Int) -> Int {
            longest == 0 ? 0 : Int((Double(seconds) / Double(longest) * Double(width - 1)).rounded())
        }
        let (start, middle, upper, end) = (position(low), position(median), position(p90), position(high))
        var cells = Array(repeating: " ", count: width)
        for index in start...end { cells[index] = "─" }
        for index in middle...upper { cells[index] = "█" }
        if start < middle { cells[start] = "├" }
        if end > upper { cells[end] = "┤" }
        return cells.joined()
    }
}
