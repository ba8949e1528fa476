/// The groups as CSV, one row per group then an `all` row: every metric's n, median, p90 and
/// max in seconds, empty where nothing was recorded.
public enum StatsCSV {
    public static func render(_ stats: IncidentStats) -> String {
        var header = [stats.by, "incidents", "reopened"]
        for metric in stats.metrics {
            let name = metric.abbreviation.lowercased()
            header += ["\(name)_n", "\(name)_median_seconds", "\(name)_p90_seconds", "\(name)_max_seconds"]
        }
        var rows = [header]
        for group in stats.groups {
            rows.append(row(key: group.key, incidents: group.incidents, reopened: group.reopened, group.metrics))
        }
        rows.append(row(key: "all", incidents: stats.incidents, reopened: stats.reopened, stats.metrics))
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func row(key: String, incidents: Int, reopened: Int, _ metrics: [IncidentStats.Metric]) -> [String] {
        var cells = [key, String(incidents), String(reopened)]
        for metric in metrics {
            let spread = metric.spread
            cells.append(String(spread.n))
            cells += [spread.medianSeconds, spread.p90Seconds, spread.maxSeconds].map { $0.map(String.init) ?? "" }
        }
        return cells
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
