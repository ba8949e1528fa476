import Foundation
import IncidentCore
import TerminalUI

/// The top line: who, which database, and the selected incident's milestones and elapsed time.
enum StatusBarView {
    static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let bar = theme[.statusBar]
        let strong = theme[.statusBarEmphasis]
        buffer.fill(area, with: Cell(" ", style: bar))
        var spans = [Span(" sitrep ", style: strong), Span(" \(state.user) ", style: bar), Span("│", style: bar)]
        spans.append(Span(" \(abbreviated(state.databasePath, home: state.homeFolder)) ", style: bar))
        if let summary = state.selectedIncident {
            let incident = summary.incident
            spans.append(Span("│ ", style: bar))
            spans.append(Span(incident.key, style: strong))
            spans.append(
                Span(
                    " \(incident.severity.rawValue) ",
                    style: (theme[severityRole(incident.severity)]).layered(over: bar)))
            spans.append(Span("\(incident.status.rawValue) ", style: bar))
            let milestones: [(String, Date?)] = [
                ("decl", incident.declaredAt), ("ack", incident.acknowledgedAt), ("mit", incident.mitigatedAt),
                ("res", incident.resolvedAt),
            ]
            let stamps = milestones.map { label, date in
                "\(label) \(date.map { String(Timestamp.short($0).dropFirst(11).prefix(5)) } ?? "–")"
            }
            spans.append(Span("│ \(stamps.joined(separator: " ")) ", style: bar))
            let end = incident.resolvedAt ?? state.now
            spans.append(Span("│ ", style: bar))
            spans.append(Span("\(Timestamp.duration(end.timeIntervalSince(incident.declaredAt))) ", style: strong))
        }
        buffer.write(spans, x: area.minX, y: area.minY, maxWidth: area.width, clip: area)
        let used = spans.reduce(0) { $0 + $1.displayWidth }
        // The one thing that needs the user most takes the right end: a lost store, else a handoff.
        let flag: (text: String, role: ThemeRole)? =
            if state.storeProblem != nil {
                (" ⚠ store unreachable: showing last read; writes refused ", .error)
            } else if let handoff = state.context.pendingHandoff {
                (" ⚑ handoff #\(handoff.id) \(handoff.from) → \(handoff.to) not acknowledged (K) ", .warning)
            } else {
                nil
            }
        if let flag {
            let width = DisplayWidth.of(flag.text)
            buffer.write(
                flag.text, x: max(area.minX + min(used, area.width / 2), area.maxX - width), y: area.minY,
                style: theme[flag.role].layered(over: bar))
            return
        }
        let zone = state.showLocalTime ? "local" : "UTC"
        let clock =
            " \(String(Timestamp.short(state.now.addingTimeInterval(state.showLocalTime ? Double(state.localOffsetSeconds) : 0)).dropFirst(11).prefix(5))) \(zone) "
        if used + clock.count < area.width {
            buffer.write(clock, x: area.maxX - clock.count, y: area.minY, style: bar)
        }
    }

    /// `~/…` for paths under the home folder, so the bar has room for what matters.
    static func abbreviated(_ path: String, home: String) -> String {
        if !home.isEmpty, home != "/", path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }

    static func severityRole(_ severity: Severity) -> ThemeRole {
        ThemeRole.severity(severity.rawValue) ?? .text
    }
}
