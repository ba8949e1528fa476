import Foundation
import IncidentCore
import TerminalUI

/// The incident list: severity, key, status, age, commander and title, coloured by severity.
enum IncidentsPaneView {
    static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let visible = state.visibleIncidents
        var title =
            state.showAllIncidents ? "Incidents · all (\(visible.count))" : "Incidents · open (\(visible.count))"
        if !state.filter.isEmpty { title += " /\(state.filter)" }
        let content = Pane(title: title, isFocused: state.focus == .incidents).render(
            into: &buffer, area: area, theme: theme)
        guard content.height > 0, content.width > 0 else { return }
        let compact = content.width < 72
        let header =
            compact
            ? "SEV KEY              STATUS AGE    TITLE" : "SEV KEY              STATUS        AGE     CMDR       TITLE"
        buffer.write(header, x: content.minX, y: content.minY, style: theme[.columnHeader], maxWidth: content.width)
        let listArea = Rect(x: content.minX, y: content.minY + 1, width: content.width, height: content.height - 1)
        if visible.isEmpty {
            let message =
                state.filter.isEmpty
                ? (state.showAllIncidents
                    ? "No incidents yet. Press D to declare one."
                    : "No open incidents. Press D to declare one, o to show all.")
                : "Nothing matches /\(state.filter). Esc clears the filter."
            for (row, line) in WordWrap.lines(message, width: max(1, listArea.width - 1)).enumerated()
            where row < listArea.height {
                buffer.write(line, x: listArea.minX + 1, y: listArea.minY + row, style: theme[.dim])
            }
            return
        }
        let rows = visible.map { row(for: $0, state: state, theme: theme, compact: compact) }
        ListView(rows: rows, state: state.incidentList, isFocused: state.focus == .incidents)
            .render(into: &buffer, area: listArea, theme: theme)
    }

    static func row(for summary: IncidentSummary, state: ConsoleState, theme: Theme, compact: Bool) -> [Span] {
        let incident = summary.incident
        let severityStyle = theme[ThemeRole.severity(incident.severity.rawValue) ?? .text]
        let statusStyle = theme[ThemeRole.status(incident.status.rawValue) ?? .text]
        let age = ConsoleView.age(state.now.timeIntervalSince(incident.declaredAt))
        var spans = [
            Span(incident.severity.rawValue + (incident.isDrill ? "d" : " "), style: severityStyle),
            Span(" " + ConsoleView.pad(incident.key, 16) + " ", style: theme[.text]),
        ]
        if compact {
            spans.append(Span(ConsoleView.pad(shortStatus(incident.status), 7), style: statusStyle))
            spans.append(Span(ConsoleView.pad(age, 7), style: theme[.dim]))
        } else {
            spans.append(Span(ConsoleView.pad(incident.status.rawValue, 14), style: statusStyle))
            spans.append(Span(ConsoleView.pad(age, 8), style: theme[.dim]))
            spans.append(Span(ConsoleView.pad(summary.commander ?? "—", 10) + " ", style: theme[.text]))
        }
        spans.append(Span(incident.title, style: theme[.text]))
        return spans
    }

    /// Six-letter status names for narrow lists.
    static func shortStatus(_ status: IncidentStatus) -> String {
        switch status {
        case .detected: "new"
        case .acknowledged: "ack"
        case .investigating: "invest"
        case .mitigated: "mitig"
        case .resolved: "resolv"
        case .closed: "closed"
        }
    }
}
