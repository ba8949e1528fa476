import Foundation

/// The CLI's text views of runbooks: lists, step listings and the pre-confirmation card.
public enum RunbookText {
    public static func list(_ items: [(entry: RunbookLibrary.Entry, runbook: Runbook?, error: String?)]) -> String {
        guard !items.isEmpty else { return "No runbooks found.\n" }
        var rows = [["NAME", "TITLE", "STEPS", "CATEGORY", "STATE"]]
        for item in items {
            if let runbook = item.runbook {
                let broken = runbook.stepProblems.count
                let state =
                    !runbook.isRunnable
                    ? "\(runbook.problems.count) problem(s)" : broken > 0 ? "\(broken) step(s) cannot run" : "ok"
                rows.append([
                    item.entry.name, runbook.title, String(runbook.steps.count), runbook.metadata("Category") ?? "",
                    state,
                ])
            } else {
                rows.append([item.entry.name, "", "", "", item.error ?? "unreadable"])
            }
        }
        return table(rows)
    }

    static func table(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    public static func show(_ runbook: Runbook) -> String {
        var output = "\(runbook.title)\n\(runbook.path)\n  \(runbook.titleSource.explanation)\n"
        for item in runbook.metadata { output += "  \(item.key): \(item.value)\n" }
        if !runbook.overview.isEmpty { output += "\n\(runbook.overview)\n" }
        if !runbook.problems.isEmpty {
            output += "\nProblems (the runbook cannot be run until they are fixed):\n"
            for problem in runbook.problems { output += "  \(problem)\n" }
        }
        if !runbook.stepProblems.isEmpty {
            output += "\nSteps that cannot run (the rest of the runbook can):\n"
            for problem in runbook.stepProblems { output += "  \(problem)\n" }
        }
        var section: String?
        for step in runbook.steps {
            if step.section != section {
                section = step.section
                output += "\n== \(step.section.isEmpty ? "(no section)" : step.section)\n"
            }
            output += "\n" + stepCard(step, of: runbook.steps.count, invocation: nil, variables: [:], inherited: [:])
        }
        return output
    }

    /// Everything the operator must see before confirming: title, exact command, directory,
    /// variables with their values, risk, timeout and expected text. `inherited` is the
    /// environment the step would inherit, passed in so the card stays a function of its inputs.
    public static func stepCard(
        _ step: RunbookStep, of count: Int, invocation: StepInvocation?, variables: [String: String],
        inherited: [String: String]
    ) -> String {
        // A step above every heading (a file with none) has no title; its name stands in.
        let title = step.title.isEmpty ? step.id : step.title
        let place = step.section.isEmpty || step.section == title ? title : "\(step.section) › \(title)"
        var output = "Step \(step.number)/\(count) · \(place)\n"
        if let problem = step.problem {
            output += "  cannot run: \(problem)\n"
            output += indented(step.command, marker: "  | ")
            return output
        }
        switch step.kind {
        case .manual:
            output += "  manual step (\(step.risk.rawValue) risk) · name: \(step.id)\n"
            output += indented(step.command, marker: "  [ ] ")
            return output
        case .snippet:
            output += "  \(step.language.isEmpty ? "text" : step.language) snippet, shown only (not run)\n"
            output += indented(step.command, marker: "  | ")
            return output
        case .command:
            break
        }
        let risk = step.risk == .high ? "HIGH RISK" : "\(step.risk.rawValue) risk"
        output += "  \(risk) · name: \(step.id) · timeout \(DurationText.text(step.timeout))\n"
        if !step.summary.isEmpty { output += "  \(step.summary)\n" }
        if let prompt = step.sessionPrompt {
            output += "  shell session: runs only what was typed at its `\(prompt)` prompts, not the sample output\n"
        }
        if let invocation {
            output += "  cwd: \(invocation.workingDirectory)\n"
            if let interpreter = step.interpreter { output += "  interpreter: \(interpreter.joined(separator: " "))\n" }
        } else if let cwd = step.workingDirectory {
            output += "  cwd: \(cwd)\n"
        }
        if !step.variables.isEmpty {
            let shown = step.variables.map { variable -> String in
                if let value = variables[variable.name] { return "\(variable.name)=\(quoted(value))" }
                if let value = inherited[variable.name], invocation != nil {
                    return "\(variable.name)=\(quoted(value)) (from environment)"
                }
                return variable.name + (variable.defaultValue.map { " (default \(quoted($0)))" } ?? "")
            }
            output += "  variables: \(shown.joined(separator: ", "))\n"
        }
        if let expect = step.expect { output += "  expects output containing \(quoted(expect))\n" }
        output += indented(step.command, marker: "  $ ")
        return output
    }

    /// One line per step that cannot run, for `runbook check` and before a run starts.
    public static func cannotRun(_ runbook: Runbook) -> [String] {
        runbook.steps.compactMap { step in
            step.problem.map { "\($0) (step \(step.number) cannot run; the rest of the runbook can)" }
        }
    }

    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func indented(_ text: String, marker: String) -> String {
        let lines = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let pad = String(repeating: " ", count: marker.count)
        return lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index == 0 ? marker : pad) + line
        }.joined(separator: "\n") + "\n"
    }

    /// One line per recorded step, for resuming and the end of a run.
    public static func progress(_ session: RunbookSession) -> String {
        var output = ""
        for step in session.runbook.steps {
            guard let record = session.record(for: step) else { continue }
            var line = "  \(step.number). \(step.title): \(record.outcome.rawValue)"
            if let status = record.exitStatus { line += " (exit \(status))" }
            if let signal = record.signal { line += " (signal \(signal))" }
            if let by = record.confirmedBy { line += " · \(by)" }
            if let continued = record.continuedBy { line += " · continued by \(continued)" }
            output += line + "\n"
        }
        return output
    }
}
