import Foundation
import IncidentCore
import TerminalUI

/// The runbook attached to the selected incident: the run being driven here, else each recorded
/// step of its newest run with its outcome, or how to attach one when there is none.
enum RunbookPaneView {
    static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        if let run = state.runbooks.run {
            RunbookRunView.render(
                run, focused: ConsoleReducer.runbookPaneActive(state),
                selectedKey: state.selectedIncident?.incident.key, into: &buffer, area: area, theme: theme)
            return
        }
        let key = state.selectedIncident?.incident.key
        guard let progress = state.context.runbook, state.context.key == key else {
            EmptyPaneView.render(
                title: ConsolePane.runbook.title, focused: state.focus == .runbook,
                lines: [
                    "No runbook attached to this incident.",
                    "",
                    "Press R (or :runbook NAME, Tab completes) to attach one and run it here, each step confirmed and recorded.",
                    "",
                    "From a shell: sitrep runbook run NAME --incident \(key ?? "KEY")",
                ], into: &buffer, area: area, theme: theme)
            return
        }
        let run = progress.run
        let finished = progress.steps.filter { $0.outcome != .running }.count
        let title = "Runbook · \(run.state.rawValue) \(finished)/\(run.stepCount) · \(run.runbookTitle)"
        let pane = Pane(title: title, isFocused: state.focus == .runbook)
        let content = pane.render(into: &buffer, area: area, theme: theme)
        guard content.height > 0, content.width > 0 else { return }
        var rows = Array(progress.steps.suffix(content.height))
        if run.state == .running, rows.count == content.height, !rows.isEmpty { rows.removeFirst() }
        for (offset, step) in rows.enumerated() {
            let (mark, role) = symbol(step.outcome)
            stepRow(
                mark: mark, role: role, number: step.stepNumber, title: step.title,
                outcome: ConsoleReducer.stepSummary(step), y: content.minY + offset, in: content, buffer: &buffer,
                theme: theme)
        }
        if progress.steps.isEmpty {
            buffer.write(
                "Started by \(run.startedBy); no step has run yet.", x: content.minX + 1, y: content.minY,
                style: theme[.dim], maxWidth: content.width - 1)
        }
        if run.state == .running {
            buffer.write(
                "Unfinished: R continues it from the next step", x: content.minX + 1,
                y: content.minY + min(content.height - 1, max(rows.count, 1)), style: theme[.notice],
                maxWidth: content.width - 1)
        }
    }

    /// One step as a row: mark, number, title and how it ended, coloured by outcome.
    static func stepRow(
        mark: String, role: ThemeRole, number: Int, title: String, outcome: String, y: Int, in content: Rect,
        buffer: inout ScreenBuffer, theme: Theme
    ) {
        let titleWidth = max(8, content.width - 5 - DisplayWidth.of(outcome) - 1)
        let spans = [
            Span("\(mark) ", style: theme[role]),
            Span(String(format: "%2d ", number), style: theme[.dim]),
            Span(ConsoleView.pad(title, titleWidth) + " ", style: theme[.text]),
            Span(outcome, style: theme[role]),
        ]
        buffer.write(spans, x: content.minX, y: y, maxWidth: content.width, clip: content)
    }

    static func symbol(_ outcome: StepOutcome) -> (String, ThemeRole) {
        switch outcome {
        case .running: ("▶", .stepRunning)
        case .ran, .done: ("✓", .stepSucceeded)
        case .failed, .timedOut, .interrupted, .cancelled: ("✗", .stepFailed)
        case .skipped, .stopped: ("–", .stepSkipped)
        }
    }
}
