import Foundation
import IncidentCore
import TerminalUI

/// The selected incident's timeline, newest at the bottom, wrapped to the pane width.
enum TimelinePaneView {
    static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let window = state.timeline
        var title = "Timeline"
        if let key = window.key {
            var facts = ["\(window.totalCount) entries", state.showLocalTime ? "local" : "UTC"]
            if window.scrollBack > 0 { facts.append("↑\(window.scrollBack) G follows") }
            let name = state.selectedIncident?.incident.title ?? ""
            title = ([key] + facts + [name]).joined(separator: " · ")
        }
        let content = Pane(title: title, isFocused: state.focus == .timeline).render(
            into: &buffer, area: area, theme: theme)
        guard content.height > 0, content.width > 0 else { return }
        guard window.key != nil else {
            buffer.write("No incident selected.", x: content.minX + 1, y: content.minY, style: theme[.dim])
            return
        }
        let layout = TimelineLayout(
            width: content.width, offsetSeconds: state.showLocalTime ? state.localOffsetSeconds : 0)
        let tail = layout.tail(window.entries, rows: window.scrollBack + content.height)
        let visible = tail.lines.dropLast(min(window.scrollBack, tail.lines.count)).suffix(content.height)
        let top = content.maxY - visible.count
        for (offset, line) in visible.enumerated() {
            draw(line, layout: layout, y: top + offset, content: content, buffer: &buffer, theme: theme)
        }
        if window.isLoadingOlder, content.height > 0 {
            buffer.write(" loading older entries… ", x: content.minX + 1, y: content.minY, style: theme[.notice])
        }
    }

    static func draw(
        _ line: TimelineLine, layout: TimelineLayout, y: Int, content: Rect, buffer: inout ScreenBuffer, theme: Theme
    ) {
        switch line.part {
        case .day(let day):
            let label = "── \(day) ──"
            buffer.write(label, x: content.minX, y: y, style: theme[.dim], maxWidth: content.width)
        case .head(let time, let author, let kind, let text):
            let kindStyle = theme[ThemeRole.timeline(timelineRoleName(kind)) ?? .text]
            var spans = [
                Span(time + " ", style: theme[.dim]),
                Span(ConsoleView.pad(author, TimelineLayout.authorWidth) + " ", style: theme[.emphasis]),
                Span(ConsoleView.pad(label(kind), TimelineLayout.kindWidth), style: kindStyle),
            ]
            if layout.textColumn > 2 { spans.append(Span(" " + text, style: theme[.text])) }
            buffer.write(spans, x: content.minX, y: y, maxWidth: content.width, clip: content)
        case .continuation(let text):
            buffer.write(
                text, x: content.minX + layout.textColumn, y: y, style: theme[.text],
                maxWidth: content.width - layout.textColumn)
        }
    }

    /// Theme role names for timeline kinds (`timeline.actionItem` for `action`, and so on).
    static func timelineRoleName(_ kind: TimelineKind) -> String {
        switch kind {
        case .action: "actionItem"
        case .runbookStep: "runbookStep"
        case .commandOutput: "commandOutput"
        case .field: "note"
        default: kind.rawValue
        }
    }

    /// Kind names short enough for the column; the long stored names stay in exports.
    static func label(_ kind: TimelineKind) -> String {
        switch kind {
        case .runbookStep: "step"
        case .commandOutput: "output"
        case .action: "action"
        default: kind.rawValue
        }
    }
}
