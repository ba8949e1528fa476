import Foundation
import IncidentCore
import TerminalUI

/// The runbook pane while a run is driven from the console: the steps and their outcomes, then
/// the shown step's card (title, exact command, directory, variables, risk) with the keys that
/// answer it, or the running step's live output, or the file's problems.
enum RunbookRunView {
    /// Step rows kept above a running step's output, so the output gets most of the pane.
    static let stepRowsWhileRunning = 3

    /// `selectedKey` is the incident selected in the list; the run's own key is named when it differs.
    static func render(
        _ run: RunbookConsoleRun, focused: Bool, selectedKey: String?, into buffer: inout ScreenBuffer, area: Rect,
        theme: Theme
    ) {
        let key = run.incidentKey == selectedKey ? "" : " · \(run.incidentKey)"
        let title = "Runbook · \(phaseLabel(run))\(key) · \(run.runbook?.title ?? run.nameOrPath)"
        let content = Pane(title: title, isFocused: focused).render(into: &buffer, area: area, theme: theme)
        guard content.height > 0, content.width > 1 else { return }
        let width = content.width - 1
        let lower = lowerLines(run, width: width, rows: content.height)
        // Before the run exists (variables being asked) the file's steps are shown, none recorded.
        let steps = run.session?.runbook.steps ?? (run.phase == .problems ? [] : run.runbook?.steps ?? [])
        var listRows = max(0, min(steps.count, content.height - lower.count))
        if run.isStepRunning { listRows = min(listRows, stepRowsWhileRunning) }
        if listRows > 0 {
            let current = run.currentStepIndex ?? run.session?.nextStepIndex ?? 0
            let first = max(0, min(current - listRows + 2, steps.count - listRows))
            for (offset, index) in (first..<first + listRows).enumerated() {
                row(
                    steps[index], record: run.session?.record(for: steps[index]),
                    current: index == run.currentStepIndex, y: content.minY + offset, in: content,
                    buffer: &buffer, theme: theme)
            }
        }
        var y = content.minY + listRows
        for line in lower.suffix(content.height - listRows) {
            buffer.write(line.text, x: content.minX + 1, y: y, style: theme[line.role], maxWidth: width)
            y += 1
        }
    }

    static func phaseLabel(_ run: RunbookConsoleRun) -> String {
        let count = run.session?.runbook.steps.count ?? run.runbook?.steps.count ?? 0
        switch run.phase {
        case .preparing: return "opening"
        case .problems: return "cannot run"
        case .askingVariables: return "variables"
        case .confirming(let index), .typingName(let index): return "step \(index + 1)/\(count)"
        case .afterFailure(let index): return "step \(index + 1)/\(count) failed"
        case .running(let index, let cancelling):
            return "\(cancelling ? "cancelling" : "running") \(index + 1)/\(count)"
        case .recording: return "recording"
        case .finished(let state): return state == .completed ? "completed" : "stopped"
        }
    }

    static func row(
        _ step: RunbookStep, record: StepRun?, current: Bool, y: Int, in content: Rect, buffer: inout ScreenBuffer,
        theme: Theme
    ) {
        if let record, !current || record.outcome != .running {
            let (mark, role) = RunbookPaneView.symbol(record.outcome)
            RunbookPaneView.stepRow(
                mark: mark, role: role, number: step.number, title: step.title,
                outcome: ConsoleReducer.stepSummary(record), y: y, in: content, buffer: &buffer, theme: theme)
        } else if current {
            RunbookPaneView.stepRow(
                mark: "▶", role: .stepRunning, number: step.number, title: step.title, outcome: step.risk.rawValue,
                y: y, in: content, buffer: &buffer, theme: theme)
        } else {
            let kind = step.kind == .snippet ? "shown only" : step.kind == .manual ? "manual" : ""
            let outcome = step.problem.map { "cannot run, line \($0.line)" } ?? kind
            RunbookPaneView.stepRow(
                mark: "·", role: .stepPending, number: step.number, title: step.title, outcome: outcome, y: y,
                in: content, buffer: &buffer, theme: theme)
        }
    }

    /// A line of the lower part of the pane with its style.
    struct Line {
        var text: String
        var role: ThemeRole
    }

    /// What goes under the step rows for the run's phase, wrapped to `width`.
    static func lowerLines(_ run: RunbookConsoleRun, width: Int, rows: Int) -> [Line] {
        /// Wraps each line, continuing under its own indent plus two, so a long command stays readable.
        func wrap(_ text: String, _ role: ThemeRole) -> [Line] {
            text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [Line] in
                let indent = min(line.prefix { $0 == " " }.count, max(0, width / 2))
                let body = String(line.dropFirst(indent))
                let hanging = indent > 0 && DisplayWidth.of(body) > width - indent ? 2 : 0
                let pieces = WordWrap.lines(body, width: max(1, width - indent - hanging))
                return pieces.enumerated().map { index, piece in
                    Line(
                        text: String(repeating: " ", count: indent + (index == 0 ? 0 : hanging)) + piece, role: role)
                }
            }
        }
        switch run.phase {
        case .preparing:
            return wrap("Reading \(run.nameOrPath)…", .dim)
        case .problems:
            let problems = run.runbook?.problems.map(\.description) ?? []
            return wrap("This runbook has problems and cannot run until they are fixed:", .error)
                + problems.flatMap { wrap($0, .error) } + wrap("q closes", .dim)
        case .askingVariables(_, let remaining):
            return wrap(
                "This runbook uses variables; each is passed to its steps as an environment variable, "
                    + "never put into the command text. Asked once per run: \(remaining.map(\.name).joined(separator: ", ")).",
                .text)
        case .recording:
            return wrap("Recording…", .dim)
        case .finished(let state):
            let tally = run.session?.tally ?? ""
            return wrap("Runbook \(state == .completed ? "completed" : "stopped") (recorded): \(tally)", .notice)
                + wrap("q closes · R attaches another", .dim)
        case .running(let index, _):
            guard let session = run.session else { return [] }
            let step = session.runbook.steps[index]
            let header =
                wrap("$ " + (step.command.split(separator: "\n").first.map(String.init) ?? ""), .emphasis).prefix(1)
                + wrap("output (x or Ctrl-C cancels this step):", .dim)
            let room = max(0, rows - min(stepRowsWhileRunning, session.runbook.steps.count) - header.count)
            let output = run.output.displayLines.suffix(room).flatMap { wrap($0, .text) }.suffix(room)
            return Array(header) + Array(output)
        case .confirming(let index), .typingName(let index), .afterFailure(let index):
            guard let session = run.session else { return [] }
            let step = session.runbook.steps[index]
            let invocation = step.kind == .command ? session.invocation(for: step) : nil
            let card = RunbookText.stepCard(
                step, of: session.runbook.steps.count, invocation: invocation, variables: session.variables,
                inherited: run.preparation?.inherited ?? [:])
            var lines = wrap(String(card.dropLast()), .text)
            if step.risk == .high, let first = lines.indices.dropFirst().first { lines[first].role = .warning }
            lines += prompt(run, step: step, session: session).flatMap { wrap($0, .prompt) }
            // The previous step's output stays in view below, in whatever room the card leaves.
            let room = rows - min(session.runbook.steps.count, max(0, rows - lines.count)) - lines.count - 1
            let previous = run.output.displayLines.suffix(max(0, room)).flatMap { wrap($0, .dim) }.suffix(max(0, room))
            guard room > 0, !previous.isEmpty else { return lines }
            return lines + wrap("previous step's output:", .dim) + previous
        }
    }

    static func prompt(_ run: RunbookConsoleRun, step: RunbookStep, session: RunbookSession) -> [String] {
        switch run.phase {
        case .typingName:
            return ["Type the step name below to run it"]
        case .afterFailure:
            let summary = session.blockingRecord.map { ConsoleReducer.stepSummary($0, withNote: true) } ?? "failed"
            return ["Last attempt: \(summary)", "r retry · c continue past it · q stop the run"]
        default:
            let verb = step.kind == .manual ? "mark done" : "run"
            if case .typeName(let name) = StepConfirmation(step: step) {
                return ["y then type \(name) to \(verb) · s skip · q stop"]
            }
            return ["y \(verb) · s skip · q stop"]
        }
    }
}
