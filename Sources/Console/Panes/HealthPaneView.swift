import Foundation
import IncidentCore
import TerminalUI

/// The configured checks: state, name, last latency, time since the last change and a
/// sparkline of recent latency with failures marked.
enum HealthPaneView {
    static let bars = Array("▁▂▃▄▅▆▇█")

    static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !state.health.isEmpty else {
            EmptyPaneView.render(
                title: ConsolePane.health.title, focused: state.focus == .health,
                lines: [
                    "No health checks configured.",
                    "",
                    "Add Gatus-style `endpoints:` to config.yaml (see scripts/demo-checks.yaml) and they are polled here.",
                ], into: &buffer, area: area, theme: theme)
            return
        }
        let down = state.health.filter { $0.state == .down }.count
        let title = "Health · \(state.health.count - down) up · \(down) down"
        let content = Pane(title: title, isFocused: state.focus == .health).render(
            into: &buffer, area: area, theme: theme)
        guard content.height > 0, content.width > 0 else { return }
        let sparkWidth = max(0, min(12, content.width - 38))
        // Only the rows on screen are built: with a thousand checks, building all of them made
        // every frame ten times slower.
        var list = state.healthList
        list.scrollToSelection(itemCount: state.health.count, visibleRows: content.height)
        let visible = list.offset..<min(state.health.count, list.offset + content.height)
        let rows = state.health[visible].map { row(for: $0, now: state.now, sparkWidth: sparkWidth, theme: theme) }
        ListView(
            rows: rows, state: list, isFocused: state.focus == .health, firstRowIndex: visible.lowerBound,
            itemCount: state.health.count
        ).render(into: &buffer, area: content, theme: theme)
    }

    static func row(for status: HealthCheckStatus, now: Date, sparkWidth: Int, theme: Theme) -> [Span] {
        let (mark, role): (String, ThemeRole) =
            switch status.state {
            case .up: ("●", .healthUp)
            case .down: ("●", .healthDown)
            case .unknown: ("○", .healthUnknown)
            }
        let latency = status.lastSample?.latencyMilliseconds.map { String(format: "%.0fms", $0) } ?? "–"
        let since = status.since.map { ConsoleView.age(now.timeIntervalSince($0)) } ?? "–"
        var spans = [
            Span("\(mark) ", style: theme[role]),
            Span(ConsoleView.pad(status.check.key, 18) + " ", style: theme[.text]),
            Span(ConsoleView.pad(status.state.rawValue, 5), style: theme[role]),
            Span(ConsoleView.pad(latency, 7), style: theme[.dim]),
            Span(ConsoleView.pad(since, 5), style: theme[.dim]),
        ]
        if sparkWidth > 0 { spans += sparkline(status.recentSamples.suffix(sparkWidth), theme: theme) }
        return spans
    }

    /// Latency scaled to the slowest recent sample; a failed probe is a red ×.
    static func sparkline(_ samples: ArraySlice<HealthSample>, theme: Theme) -> [Span] {
        let slowest = max(1, samples.compactMap(\.latencyMilliseconds).max() ?? 1)
        return samples.map { sample in
            guard sample.isUp else { return Span("×", style: theme[.healthDown]) }
            let level = Int(((sample.latencyMilliseconds ?? 0) / slowest) * Double(bars.count - 1))
            return Span(String(bars[min(max(level, 0), bars.count - 1)]), style: theme[.healthUp])
        }
    }
}
