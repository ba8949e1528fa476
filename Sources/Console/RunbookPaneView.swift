import Foundation
import IncidentCore
import TerminalUI

/// The runbook attached to the selected incident: each recorded step with its outcome, or how to
/// attach one when there is none.
enum RunbookPaneView {
    static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let key = state.selectedIncident?.incident.key
        guard let progress = state.context.runbook, state.context.key == key else {
            EmptyPaneView.render(
                title: ConsolePane.runbook.title, focused: state.focus == .runbook,
                lines: [
                    "No runbook attached to this incident.",
                    "",
                    "Attach and run one from a shell (every step is confirmed and recorded here):",
                    "sitrep runbook run NAME --incident \(key ?? "KEY")",
                    "",
                    "sitrep runbook list shows what is available.",
                ], into: &buffer, area: area, theme: theme)
            return
        }
        let run = progress.run
        let finished = progress.steps.filter { $0.outcome != .running }.count
        let title = "Runbook · \(run.state.rawValue) \(finished)/\(run.stepCount) · \(run.runbookTitle)"
        let pane = Pane(title: title, isFocused: state.focus == .runbook)
        let content = pane.render(into: &buffer, area: area, theme: theme)
        guard content.height > 0, content.width > 0 else { return }
        let rows = progress.steps.suffix(content.height)
        for (offset, step) in rows.enumerated() {
            let (mark, role) = symbol(step.outcome)
            var facts: [String] = [step.outcome.rawValue]
            if let exit = step.exitStatus { facts.append("exit \(exit)") }
            if let signal = step.signal { facts.append("signal \(signal)") }
            if let milliseconds = step.durationMilliseconds {
                facts.append(Timestamp.duration(Double(milliseconds) / 1000))
            }
            let outcome = facts.joined(separator: " · ")
            let titleWidth = max(8, content.width - 5 - DisplayWidth.of(outcome) - 1)
            let spans = [
                Span("\(mark) ", style: theme[role]),
                Span(String(format: "%2d ", step.stepNumber), style: theme[.dim]),
                Span(ConsoleView.pad(step.title, titleWidth) + " ", style: theme[.text]),
                Span(outcome, style: theme[role]),
            ]
            buffer.write(spans, x: content.minX, y: content.minY + offset, maxWidth: content.width, clip: content)
        }
        if progress.steps.isEmpty {
            buffer.write(
                "Started by \(run.startedBy); no step has run yet.", x: content.minX + 1, y: content.minY,
                style: theme[.dim], maxWidth: content.width - 1)
        }
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
