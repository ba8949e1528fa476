import Foundation

/// One self-contained HTML page of the figures: the same two charts as inline SVG, the metric
/// and group tables, no external file or network request. Each bar and strip carries its numbers
/// in `data-` attributes, and a few lines of inline script note the size the browser drew each
/// bar at (`data-drawn-height`), so a headless browser can check the drawing itself.
public enum StatsHTML {
    static let chartWidth = 720
    static let barAreaHeight = 200

    public static func render(_ stats: IncidentStats) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>sitrep stats: \(escape(stats.scope))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #111; background: #fff; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #999; padding: 0.2em 0.6em; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            svg text { font-family: sans-serif; font-size: 11px; fill: #111; }
            .bar { fill: #1f5fa8; }
            .range { stroke: #111; stroke-width: 2; }
            .box { fill: #d9822b; }
            </style>
            </head>
            <body>
            <h1>Incidents detected \(escape(stats.scope))</h1>

            """
        if stats.isEmpty {
            page += "<p id=\"empty\">\(escape(stats.emptyMessage))</p>\n</body>\n</html>\n"
            return page
        }
        page += "<p id=\"summary\">\(stats.incidents) incidents; reopened \(stats.reopened) "
        page += "(\(StatsText.percent(stats.reopenRate))); as of \(escape(stats.asOf)).</p>\n"
        page += metricTable(stats)
        page += barChart(stats)
        page += stripChart(stats)
        page += groupTable(stats)
        page += """
            <script>
            for (const bar of document.querySelectorAll('rect.bar')) {
              bar.setAttribute('data-drawn-height', String(Math.round(bar.getBoundingClientRect().height)));
            }
            document.body.setAttribute('data-drawn', 'true');
            </script>
            </body>
            </html>

            """
        return page
    }

    /// Writes the page through a temporary file and a rename; returns the absolute path.
    public static func write(_ stats: IncidentStats, to path: String) throws -> String {
        let target = PostmortemDraft.absolute(path)
        var text = render(stats)
        try PostmortemDraft.writeAtomically(to: target) { write in try text.withUTF8(write) }
        return target
    }

    static func metricTable(_ stats: IncidentStats) -> String {
        var html = "<table id=\"metrics\">\n<tr><th>Metric</th><th>n</th><th>median</th><th>p90</th><th>max</th></tr>\n"
        for metric in stats.metrics {
            let cells = StatsText.spreadCells(metric.spread).map { "<td>\(escape($0))</td>" }.joined()
            html += "<tr><td>\(metric.abbreviation) (\(escape(metric.name)))</td>\(cells)</tr>\n"
        }
        return html + "</table>\n"
    }

    static func groupTable(_ stats: IncidentStats) -> String {
        var html = "<table id=\"groups\">\n<tr><th>\(escape(stats.by))</th><th>incidents</th><th>reopened</th></tr>\n"
        for group in stats.groups {
            html += "<tr><td>\(escape(group.key))</td><td>\(group.incidents)</td><td>\(group.reopened)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// A vertical bar per period, the tallest `barAreaHeight` pixels, its count above it.
    static func barChart(_ stats: IncidentStats) -> String {
        let periods = stats.incidentsPerPeriod
        let most = max(1, periods.map(\.incidents).max() ?? 0)
        let slot = max(8, (chartWidth - 40) / max(1, periods.count))
        let width = 40 + slot * periods.count
        let top = 20
        let base = top + barAreaHeight
        let unit = stats.by == StatsGrouping.month.rawValue ? "month" : "week"
        var svg = "<h2>Incidents per \(unit)</h2>\n"
        svg += "<svg id=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(base + 70)\" "
        svg += "role=\"img\" aria-label=\"Incidents per \(unit)\">\n"
        svg += "<line x1=\"30\" y1=\"\(base)\" x2=\"\(width)\" y2=\"\(base)\" class=\"range\"/>\n"
        for (index, period) in periods.enumerated() {
            let height = period.incidents * barAreaHeight / most
            let x = 40 + index * slot
            let key = escape(period.key)
            svg += "<rect class=\"bar\" data-period=\"\(key)\" data-count=\"\(period.incidents)\" x=\"\(x)\" "
            svg += "y=\"\(base - height)\" width=\"\(slot - 4)\" height=\"\(height)\"/>\n"
            svg +=
                "<text class=\"count\" data-period=\"\(key)\" x=\"\(x + (slot - 4) / 2)\" y=\"\(base - height - 4)\" "
            svg += "text-anchor=\"middle\">\(period.incidents)</text>\n"
            svg +=
                "<text class=\"period\" transform=\"translate(\(x + slot / 2),\(base + 8)) rotate(60)\">\(key)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A row per severity on one scale: a line from the fastest to the slowest time to mitigate,
    /// a box from the median to the 90th percentile.
    static func stripChart(_ stats: IncidentStats) -> String {
        let longest = max(1, stats.ttmBySeverity.compactMap(\.spread.maxSeconds).max() ?? 0)
        let left = 40
        let span = 400
        func x(_ seconds: Int) -> Int { left + seconds * span / longest }
        var svg = "<h2>Time to mitigate by severity</h2>\n"
        svg += "<svg id=\"strips\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(chartWidth)\" "
        svg +=
            "height=\"\(stats.ttmBySeverity.count * 30 + 30)\" role=\"img\" aria-label=\"Time to mitigate by severity\">\n"
        for (index, row) in stats.ttmBySeverity.enumerated() {
            let y = 20 + index * 30
            let spread = row.spread
            svg += "<text x=\"4\" y=\"\(y + 4)\">\(row.severity)</text>\n"
            guard let low = spread.minSeconds, let median = spread.medianSeconds, let p90 = spread.p90Seconds,
                let high = spread.maxSeconds
            else {
                svg += "<text class=\"note\" data-severity=\"\(row.severity)\" x=\"\(left)\" y=\"\(y + 4)\">"
                svg += "not recorded (n 0)</text>\n"
                continue
            }
            svg += "<g class=\"strip\" data-severity=\"\(row.severity)\" data-n=\"\(spread.n)\" "
            svg += "data-median-seconds=\"\(median)\" data-p90-seconds=\"\(p90)\" data-max-seconds=\"\(high)\">\n"
            svg += "<line class=\"range\" x1=\"\(x(low))\" y1=\"\(y)\" x2=\"\(x(high))\" y2=\"\(y)\"/>\n"
            svg += "<rect class=\"box\" x=\"\(x(median))\" y=\"\(y - 8)\" width=\"\(max(2, x(p90) - x(median)))\" "
            svg += "height=\"16\"/>\n"
            svg += "<text class=\"note\" x=\"\(left + span + 20)\" y=\"\(y + 4)\">median "
            svg += "\(StatsText.duration(median)) · p90 \(StatsText.duration(p90)) · max \(StatsText.duration(high))"
            svg += " · n \(spread.n)</text>\n</g>\n"
        }
        return svg + "</svg>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
