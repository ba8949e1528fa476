import Foundation

/// The handoff as the incoming engineer reads it: Markdown built only from the frozen report
/// and the acknowledgement, so showing a handoff again gives the same bytes.
public enum HandoffMarkdown {
    /// Markdown for people or JSON for scripts, redacted either way.
    public static func render(_ handoff: Handoff, format: ReportFormat, redactor: Redactor = .standard) throws
        -> String
    {
        switch format {
        case .markdown: return render(handoff, redactor: redactor)
        case .json: return try ExportJSON.encode(handoff.redacted(with: redactor)) + "\n"
        }
    }

    public static func render(_ handoff: Handoff, redactor: Redactor = .standard) -> String {
        let report = handoff.report.redacted(with: redactor)
        let at = report.generatedAt
        var out =
            "# Shift handoff #\(handoff.id): \(MarkdownText.inline(handoff.from)) → \(MarkdownText.inline(handoff.to))\n\n"
        out += "Handed over at \(minute(at)) UTC by \(handoff.from) to \(handoff.to).\n"
        if let acknowledgedAt = handoff.acknowledgedAt {
            out += "Acknowledged by \(handoff.acknowledgedBy ?? "unknown") at \(minute(acknowledgedAt)) UTC "
            out += "(\(Timestamp.duration(acknowledgedAt.timeIntervalSince(at))) after the handoff).\n"
        } else {
            out += "**Not yet acknowledged.** \(handoff.to) acknowledges with `sitrep handoff ack \(handoff.id)`.\n"
        }
        if report.transfersCommand {
            out += "Command of the open incidents passes to \(handoff.to).\n"
        }
        out += body(report)
        return out
    }

    /// The sections shared by a stored handoff and the console's unsaved preview.
    public static func body(_ report: HandoffReport) -> String {
        let at = report.generatedAt
        var out = "\n## Notes from \(MarkdownText.inline(report.from))\n\n"
        out += report.notes.isEmpty ? "_No notes._\n" : MarkdownText.block(report.notes) + "\n"

        out += "\n## Open incidents (\(report.incidents.count))\n\n"
        if report.incidents.isEmpty { out += "_No open incidents._\n" }
        for incident in report.incidents {
            let drill = incident.drill ? " (drill)" : ""
            out += "### \(incident.key) · \(incident.severity)\(drill) · \(incident.status): "
            out += MarkdownText.inline(incident.title) + "\n\n"
            out += MarkdownText.table(
                ["Fact", "Value"],
                [
                    [
                        "Age",
                        "\(Timestamp.duration(at.timeIntervalSince(incident.declaredAt))) (declared \(minute(incident.declaredAt)) UTC)",
                    ],
                    ["Commander", incident.commander ?? "none assigned"],
                    [
                        "Last update",
                        "\(Timestamp.duration(at.timeIntervalSince(incident.lastUpdateAt))) ago (\(minute(incident.lastUpdateAt)) UTC)",
                    ],
                ])
            out += "\nLatest entries:\n\n"
            out += MarkdownText.table(
                ["Time (UTC)", "Who", "Kind", "What"],
                incident.recentEntries.map { [minute($0.time), $0.author, $0.kind, $0.text] })
            out += "\n"
        }
        if report.incidents.isEmpty { out += "\n" }

        out += "## Open action items (\(report.actionItems.count))\n\n"
        if report.actionItems.isEmpty {
            out += "_No open action items._\n"
        } else {
            out += MarkdownText.table(
                ["#", "Incident", "Action", "Owner", "Due", "Priority"],
                report.actionItems.map { item in
                    let due = item.due.map { item.overdue ? "**\($0) overdue**" : $0 } ?? "none"
                    return ["\(item.id)", item.incident, item.title, item.owner ?? "unowned", due, item.priority]
                })
        }

        out += "\n## Failing health checks (\(report.failingChecks.count))\n\n"
        if report.failingChecks.isEmpty {
            out += "_No failing checks._\n"
        } else {
            out += MarkdownText.table(
                ["Check", "Down since (UTC)", "For", "Last sample (UTC)", "Latency", "Error"],
                report.failingChecks.map { check in
                    [
                        check.check, minute(check.downSince), Timestamp.duration(at.timeIntervalSince(check.downSince)),
                        minute(check.lastSampleAt),
                        check.latencyMilliseconds.map { String(format: "%.0f ms", $0) } ?? "-",
                        check.error ?? "-",
                    ]
                })
        }

        out += "\n## Runbook runs in progress (\(report.runbookRuns.count))\n\n"
        if report.runbookRuns.isEmpty {
            out += "_No runbook runs in progress._\n"
        } else {
            out += MarkdownText.table(
                ["Incident", "Runbook", "Started by", "Started (UTC)", "Steps recorded"],
                report.runbookRuns.map { run in
                    [
                        run.incident, "\(run.title) (\(run.path))", run.startedBy, minute(run.startedAt),
                        "\(run.stepsRecorded)",
                    ]
                })
        }
        return out
    }

    /// `2025-11-04 10:02`: minutes are the precision a shift change talks in.
    static func minute(_ date: Date) -> String {
        String(Timestamp.short(date).prefix(16))
    }

    /// The handoff log for `sitrep handoff list`: one line each, newest first.
    public static func list(_ handoffs: [Handoff]) -> String {
        if handoffs.isEmpty { return "No handoffs.\n" }
        var rows = [["ID", "CREATED (UTC)", "FROM", "TO", "INCIDENTS", "ACKNOWLEDGED"]]
        for handoff in handoffs {
            let acknowledged =
                handoff.acknowledgedAt.map { "\(minute($0)) by \(handoff.acknowledgedBy ?? "?")" } ?? "pending"
            rows.append([
                "#\(handoff.id)", minute(handoff.createdAt), handoff.from,
                handoff.to + (handoff.transfersCommand ? " (command)" : ""), "\(handoff.report.incidents.count)",
                acknowledged,
            ])
        }
        return IncidentText.table(rows)
    }
}
