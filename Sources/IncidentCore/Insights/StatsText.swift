import Foundation

/// The figures as plain text for the CLI and the console's Insights screen: what was counted,
/// each metric with how many incidents it covers, the groups, action items and runbook steps.
public enum StatsText {
    public static func render(_ stats: IncidentStats) -> String {
        if stats.isEmpty { return stats.emptyMessage + "\n" }
        return summary(stats) + "\n" + groupTable(stats) + "\n" + followUp(stats)
    }

    /// Counts, reopen rate and the metric table.
    public static func summary(_ stats: IncidentStats) -> String {
        var lines = ["Incidents detected \(stats.scope) (as of \(Timestamp.short(isoDate(stats.asOf))) UTC)"]
        let severities = stats.bySeverity.filter { $0.incidents > 0 }.map { "\($0.severity) \($0.incidents)" }
        var count =
            "\(stats.incidents) incident\(stats.incidents == 1 ? "" : "s") (\(severities.joined(separator: ", ")))"
        if stats.drillsLeftOut > 0 {
            count += "; \(stats.drillsLeftOut) drill\(stats.drillsLeftOut == 1 ? "" : "s") left out (--drills)"
        }
        lines.append(count)
        lines.append("Reopened: \(stats.reopened) of \(stats.incidents) (\(percent(stats.reopenRate)))")
        lines.append("")
        var rows = [["METRIC", "N", "MEDIAN", "P90", "MAX", "MEASURED"]]
        for metric in stats.metrics {
            rows.append(
                [metric.abbreviation] + spreadCells(metric.spread) + ["\(metric.from) → \(metric.to)"])
        }
        return lines.joined(separator: "\n") + "\n" + IncidentText.table(rows)
    }

    /// One row per week, month, service or severity: count, reopens and TTM.
    public static func groupTable(_ stats: IncidentStats) -> String {
        var rows = [[stats.by.uppercased(), "INCIDENTS", "REOPENED", "TTM N", "TTM MEDIAN", "TTM P90", "TTM MAX"]]
        for group in stats.groups {
            let ttm = group.metrics.first { $0.abbreviation == "TTM" }?.spread ?? StatsSpread(seconds: [])
            rows.append(
                [group.key, String(group.incidents), String(group.reopened)] + spreadCells(ttm))
        }
        return IncidentText.table(rows)
    }

    /// Open action items by owner, and runbook step outcomes.
    public static func followUp(_ stats: IncidentStats) -> String {
        let items = stats.actionItems
        var lines = ["Open action items: \(items.open), \(items.overdue) overdue"]
        for owner in items.byOwner {
            let name = (owner.owner ?? "(no owner)").padding(toLength: 16, withPad: " ", startingAt: 0)
            lines.append("  \(name)  \(owner.open) open, \(owner.overdue) overdue")
        }
        let steps = stats.runbookSteps
        lines.append(
            "Runbook steps: \(steps.ran) ran, \(steps.failed) failed, \(steps.skipped) skipped, \(steps.other) other")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `N`, median, p90 and max cells; `-` where nothing was recorded.
    static func spreadCells(_ spread: StatsSpread) -> [String] {
        [String(spread.n)] + [spread.medianSeconds, spread.p90Seconds, spread.maxSeconds].map(duration)
    }

    public static func duration(_ seconds: Int?) -> String {
        seconds.map { Timestamp.duration(TimeInterval($0)) } ?? "-"
    }

    /// `16.7%`, or `-` without incidents.
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "-" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func isoDate(_ text: String) -> Date {
        Timestamp.parse(text) ?? Date(timeIntervalSince1970: 0)
    }
}
