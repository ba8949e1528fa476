import TerminalUI

/// The console's one key table. The reducer looks keys up here, the `?` overlay and the
/// README's key list are generated from it, so they cannot disagree.
public enum KeyBindings {
    public static let table: [KeyBinding] = [
        KeyBinding([.character("?")], .help, "General", "Show or hide this help"),
        KeyBinding(
            [.character("q")], .quit, "General",
            "Quit (asks first while a runbook step runs; the database is always saved)"),
        KeyBinding(
            [.character(":")], .commandLine, "General", "Command line: :note, :status, :sev, :assign, :declare…"),
        KeyBinding([.character("r")], .refresh, "General", "Reload from the database"),
        KeyBinding([.tab], .nextPane, "Moving", "Next pane"),
        KeyBinding([.backTab], .previousPane, "Moving", "Previous pane"),
        KeyBinding([.character("h"), .left], .focusLeft, "Moving", "Incidents pane"),
        KeyBinding([.character("l"), .right], .focusRight, "Moving", "Timeline pane"),
        KeyBinding([.character("j"), .down], .moveDown, "Moving", "Down: next incident, or scroll the timeline"),
        KeyBinding([.character("k"), .up], .moveUp, "Moving", "Up: previous incident, or scroll the timeline back"),
        KeyBinding([.pageDown, .control("d")], .pageDown, "Moving", "Page down"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "Moving", "Page up"),
        KeyBinding([.character("G"), .end], .follow, "Moving", "Timeline: jump to the newest and follow"),
        KeyBinding([.enter], .open, "Moving", "Open the selected incident's timeline; in Health, the last result"),
        KeyBinding([.escape], .back, "Moving", "Back to incidents; clear the filter"),
        KeyBinding([.character("/")], .filter, "Moving", "Filter incidents by key, title, service or person"),
        KeyBinding([.character("o")], .toggleAllIncidents, "Moving", "Show open incidents or all incidents"),
        KeyBinding([.character("t")], .toggleLocalTime, "Moving", "Timeline times in UTC or local time"),
        KeyBinding([.character("n")], .addNote, "Recording", "Add a note to the selected incident"),
        KeyBinding([.character("d")], .addDecision, "Recording", "Record a decision"),
        KeyBinding([.character("c")], .addComms, "Recording", "Record a comms update"),
        KeyBinding(
            [.character("D")], .declare, "Recording",
            "Declare a new incident (:declare P1 title); in Health, from the selected check"),
        KeyBinding([.character("s")], .changeStatus, "Recording", "Change status (:status mitigated)"),
        KeyBinding([.character("S")], .changeSeverity, "Recording", "Change severity (:sev P0)"),
        KeyBinding([.character("a")], .assignRole, "Recording", "Assign a role (:assign commander alice)"),
        KeyBinding([.character("A")], .addAction, "Recording", "Add an action item (:action add title)"),
        KeyBinding([.character("x")], .completeAction, "Recording", "Complete an action item (:action done ID)"),
        KeyBinding([.character("e")], .editField, "Recording", "Edit summary, impact, root cause… (:edit impact text)"),
        KeyBinding([.character("H")], .handoff, "Shift", "Hand over the shift: report, recipient, notes"),
        KeyBinding([.character("K")], .acknowledgeHandoff, "Shift", "Acknowledge the pending handoff"),
        KeyBinding([.character("L")], .handoffLog, "Shift", "Handoff log and the pending handoff's report"),
        KeyBinding([.character("P")], .writePostmortem, "Shift", "Write a postmortem draft of the incident to a file"),
        KeyBinding(
            [.character("I")], .insights, "Shift", "Insights: figures and charts across incidents (:stats --since 30d)"),
        KeyBinding(
            [.character("R")], .attachRunbook, "Runbook",
            "Attach a runbook to the incident (:runbook NAME), or continue its unfinished run"),
    ]

    /// Keys of the runbook pane while a run is attached and the pane has the focus (or, on a
    /// small terminal, is shown). They win over the table above there; other keys work as usual.
    public static let runbookTable: [KeyBinding] = [
        KeyBinding(
            [.character("y"), .enter], .confirmStep, "Runbook pane",
            "Run the shown step (high risk: type its name); a manual step: mark it done"),
        KeyBinding([.character("s")], .skipStep, "Runbook pane", "Skip the shown step (recorded)"),
        KeyBinding([.character("q")], .stopRun, "Runbook pane", "Stop the run here (recorded); close a finished run"),
        KeyBinding(
            [.character("x"), .control("c")], .cancelStep, "Runbook pane",
            "Cancel the running step (its whole process group)"),
        KeyBinding([.character("c")], .continueRun, "Runbook pane", "After a failed step: continue past it (recorded)"),
        KeyBinding([.character("r")], .retryStep, "Runbook pane", "After a failed step: try it again"),
    ]

    public static func action(for key: KeyPress) -> KeyAction? {
        table.first { $0.keys.contains(key) }?.action
    }

    public static func runbookAction(for key: KeyPress) -> KeyAction? {
        runbookTable.first { $0.keys.contains(key) }?.action
    }

    /// Help overlay sections, in table order.
    public static var helpSections: [HelpSection] {
        var sections: [HelpSection] = []
        for binding in table + runbookTable {
            let entry = HelpEntry(keys: binding.keyLabel, description: binding.description)
            if let index = sections.firstIndex(where: { $0.title == binding.section }) {
                sections[index].entries.append(entry)
            } else {
                sections.append(HelpSection(title: binding.section, entries: [entry]))
            }
        }
        sections.append(
            HelpSection(
                title: "Typing",
                entries: [
                    HelpEntry(keys: "Enter", description: "Save what you typed"),
                    HelpEntry(keys: "Esc", description: "Cancel"),
                    HelpEntry(keys: "Tab", description: "Complete a command word"),
                    HelpEntry(keys: "Ctrl-W / Ctrl-U", description: "Delete a word / the whole line"),
                ]))
        sections.append(
            HelpSection(
                title: "Handoff screen",
                entries: [
                    HelpEntry(keys: "Ctrl-D", description: "Hand over: freeze the report and record the handoff"),
                    HelpEntry(keys: "Tab / Shift-Tab", description: "Next / previous field; in To:, complete a name"),
                    HelpEntry(keys: "Ctrl-T", description: "Transfer command to the incoming engineer"),
                    HelpEntry(keys: "Enter", description: "In the notes, a new line"),
                    HelpEntry(keys: "PgUp / PgDn", description: "Scroll the report"),
                    HelpEntry(keys: "Esc", description: "Cancel (asks before throwing notes away)"),
                ]))
        return sections
    }

    /// The README's key list, as a Markdown table.
    public static var markdown: String {
        var lines = ["| keys | what they do |", "|---|---|"]
        for binding in table + runbookTable {
            let keys = binding.keyLabel.replacingOccurrences(of: "|", with: "\\|")
            lines.append("| `\(keys)` | \(binding.description) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
