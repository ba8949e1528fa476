import Foundation
import IncidentCore
import TerminalUI

/// The handoff report as screen lines, for the preview beside the notes: the same facts the
/// Markdown gives the incoming engineer, laid out for a narrow pane instead of tables.
enum HandoffReportLines {
    struct Line: Equatable {
        var text: String
        var role: ThemeRole
    }

    static func lines(_ report: HandoffReport, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        let at = report.generatedAt
        var out: [Line] = []
        func add(_ text: String, _ role: ThemeRole = .text, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for line in WordWrap.lines(text, width: max(1, width - indent)) {
                out.append(Line(text: pad + line, role: role))
            }
        }
        func heading(_ text: String) {
            if !out.isEmpty { out.append(Line(text: "", role: .text)) }
            add(text, .columnHeader)
        }
        let to = report.to.isEmpty ? "…" : report.to
        add("Handed over at \(minute(at)) UTC by \(report.from) to \(to).")
        if report.transfersCommand { add("Command of the open incidents passes to \(to).", .emphasis) }

        heading("Open incidents (\(report.incidents.count))")
        if report.incidents.isEmpty { add("No open incidents.", .dim) }
        for incident in report.incidents {
            let drill = incident.drill ? " (drill)" : ""
            add("\(incident.key) \(incident.severity)\(drill) \(incident.status) · \(incident.title)", .emphasis)
            add(
                "age \(Timestamp.duration(at.timeIntervalSince(incident.declaredAt))) · commander "
                    + "\(incident.commander ?? "none assigned") · last update "
                    + "\(Timestamp.duration(at.timeIntervalSince(incident.lastUpdateAt))) ago", .dim, indent: 2)
            for entry in incident.recentEntries {
                add("\(clock(entry.time)) \(entry.author) \(entry.kind): \(entry.text)", indent: 2)
            }
        }

        heading("Open action items (\(report.actionItems.count))")
        if report.actionItems.isEmpty { add("No open action items.", .dim) }
        for item in report.actionItems {
            let due = item.due.map { item.overdue ? "due \($0) OVERDUE" : "due \($0)" } ?? "no due date"
            add(
                "#\(item.id) \(item.title) · \(item.owner ?? "unowned") · \(due) · \(item.priority) · \(item.incident)",
                item.overdue ? .warning : .text)
        }

        heading("Failing health checks (\(report.failingChecks.count))")
        if report.failingChecks.isEmpty { add("No failing checks.", .dim) }
        for check in report.failingChecks {
            var text =
                "\(check.check) down for \(Timestamp.duration(at.timeIntervalSince(check.downSince))) "
                + "(since \(clock(check.downSince)))"
            if let latency = check.latencyMilliseconds { text += String(format: " · %.0f ms", latency) }
            if let error = check.error { text += " · \(error)" }
            add(text, .healthDown)
        }

        heading("Runbook runs in progress (\(report.runbookRuns.count))")
        if report.runbookRuns.isEmpty { add("No runbook runs in progress.", .dim) }
        for run in report.runbookRuns {
            add(
                "\(run.incident) \(run.title) · started by \(run.startedBy) at \(clock(run.startedAt)) · "
                    + "\(run.stepsRecorded) steps recorded")
        }
        return out
    }

    /// `2025-11-04 10:02`, as the Markdown report writes it.
    static func minute(_ date: Date) -> String {
        String(Timestamp.short(date).prefix(16))
    }

    static func clock(_ date: Date) -> String {
        String(Timestamp.short(date).dropFirst(11).prefix(5))
    }
}
