import IncidentCore
import TerminalUI

/// Draws the Insights screen over the whole terminal: the same text and charts `sitrep stats
/// --chart` prints, fitted to the width, scrolled by the screen's offset.
enum InsightsView {
    static func lines(_ screen: InsightsScreen, width: Int) -> [String] {
        if let problem = screen.problem { return WordWrap.lines("stats: \(problem)", width: max(1, width)) }
        guard let stats = screen.stats else { return ["Reading incidents detected \(screen.query.scope)…"] }
        var text = StatsText.render(stats)
        if !stats.isEmpty { text += "\n" + StatsChart.render(stats, width: width) }
        return WordWrap.lines(text, width: max(1, width))
    }

    static func render(_ screen: InsightsScreen, into buffer: inout ScreenBuffer, theme: Theme) {
        let area = Pane(title: "Insights", isFocused: true).render(
            into: &buffer, area: buffer.bounds.inset(top: 0, left: 0, bottom: 1, right: 0), theme: theme)
        let all = lines(screen, width: area.width)
        let offset = min(screen.scrollOffset, max(0, all.count - area.height))
        for (row, line) in all.dropFirst(offset).prefix(area.height).enumerated() {
            let heading =
                line.hasPrefix("Incidents ") || line.hasPrefix("Time to mitigate") || line.hasPrefix("METRIC")
                || line.hasPrefix(screen.query.grouping.rawValue.uppercased() + " ")
            buffer.write(
                line, x: area.minX, y: area.minY + row, style: heading ? theme[.emphasis] : theme[.text],
                maxWidth: area.width)
        }
        buffer.fill(
            Rect(x: 0, y: buffer.height - 1, width: buffer.width, height: 1), with: Cell(" ", style: theme[.text]))
        buffer.write(
            " Esc closes · j/k or PgUp/PgDn scroll · :stats --since 30d --by month --service NAME",
            x: 0, y: buffer.height - 1, style: theme[.dim], maxWidth: buffer.width)
    }

    /// Rows the screen can scroll past at this size.
    static func maximumScroll(_ screen: InsightsScreen, size: Size) -> Int {
        max(0, lines(screen, width: size.width - 2).count - (size.height - 3))
    }
}
