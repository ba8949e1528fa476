import Foundation
import IncidentCore
import TerminalUI

/// Draws the whole console from state. Pure: the same state and theme give the same frame.
public enum ConsoleView {
    public static func render(_ state: ConsoleState, theme: Theme) -> ConsoleFrame {
        var buffer = ScreenBuffer(size: state.size, fill: Cell(" ", style: theme[.text]))
        let layout = state.layout
        if layout.isTooSmall {
            let message = [
                "Terminal too small",
                "\(state.size.width)×\(state.size.height), need \(ConsoleLayout.minimumSize.width)×\(ConsoleLayout.minimumSize.height)",
            ]
            for (row, line) in message.enumerated() where row < state.size.height {
                let x = max(0, (state.size.width - DisplayWidth.of(line)) / 2)
                buffer.write(line, x: x, y: max(0, state.size.height / 2 - 1) + row, style: theme[.warning])
            }
            return ConsoleFrame(buffer: buffer, cursor: nil)
        }
        StatusBarView.render(state, into: &buffer, area: layout.statusBar, theme: theme)
        IncidentsPaneView.render(state, into: &buffer, area: layout.incidents, theme: theme)
        TimelinePaneView.render(state, into: &buffer, area: layout.timeline, theme: theme)
        if layout.runbook == nil, state.runbooks.run != nil {
            // No room for the runbook pane: a run driven here takes the timeline's place.
            RunbookPaneView.render(state, into: &buffer, area: layout.timeline, theme: theme)
        }
        if let area = layout.runbook {
            RunbookPaneView.render(state, into: &buffer, area: area, theme: theme)
        }
        if let area = layout.health {
            HealthPaneView.render(state, into: &buffer, area: area, theme: theme)
        }
        var cursor = CommandAreaView.render(state, into: &buffer, area: layout.commandLine, theme: theme)
        if case .help(let offset) = state.mode {
            let overlay = HelpOverlay(
                title: "sitrep keys", sections: KeyBindings.helpSections,
                scrollOffset: min(
                    offset, HelpOverlay(sections: KeyBindings.helpSections).maximumScrollOffset(in: buffer.bounds)),
                footer: "Esc or ? closes · j/k scroll")
            overlay.render(into: &buffer, area: buffer.bounds, theme: theme)
            cursor = nil
        }
        if case .handoff(let screen) = state.mode {
            cursor = HandoffScreenView.render(state, screen, into: &buffer, theme: theme)
        }
        if case .handoffLog(let log) = state.mode {
            HandoffLogView.render(log, into: &buffer, theme: theme)
            cursor = nil
        }
        if case .insights(let screen) = state.mode {
            InsightsView.render(screen, into: &buffer, theme: theme)
            cursor = nil
        }
        return ConsoleFrame(buffer: buffer, cursor: cursor)
    }

    /// `42m`, `3h 05m`, `2d 4h`: ages short enough for a list column.
    static func age(_ interval: TimeInterval) -> String {
        let total = max(0, Int(interval))
        if total < 3600 { return "\(total / 60)m" }
        if total < 86_400 { return String(format: "%dh %02dm", total / 3600, (total % 3600) / 60) }
        return "\(total / 86_400)d \((total % 86_400) / 3600)h"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let truncated = Pane.truncate(text, toWidth: width)
        return truncated + String(repeating: " ", count: max(0, width - DisplayWidth.of(truncated)))
    }
}
