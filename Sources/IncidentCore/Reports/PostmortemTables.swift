/// The review's larger tables as ready Markdown, for templates that want them whole. The timeline
/// table is built here rather than in a template loop because it may hold 100,000 rows.
public enum PostmortemTables {
    /// One table per UTC day under a `### day` heading when the timeline spans days, else one table.
    public static func timeline(_ report: PostmortemReport) -> String {
        let days = report.days
        var out = ""
        out.reserveCapacity(report.timeline.count * 96)
        for day in days {
            if days.count > 1 { out += "### \(day.day)\n\n" }
            out += "| Time (UTC) | Who | What |\n| --- | --- | --- |\n"
            for line in day.lines {
                out += "| "
                out += line.clock
                out += " | "
                out += MarkdownText.cell(line.author)
                out += " | "
                out += MarkdownText.cell(line.text)
                out += " |\n"
            }
            out += "\n"
        }
        if out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    public static func header(_ report: PostmortemReport) -> String {
        MarkdownText.table(
            ["Item", "Detail"],
            [
                ["Date", report.date], ["Severity", report.severity + (report.drill ? " (drill)" : "")],
                ["Status", "Draft"], ["Duration", report.duration],
                ["Incident commander", report.commander ?? "not assigned"],
                ["Responders", responderNames(report)],
            ])
    }

    public static func keyTimestamps(_ report: PostmortemReport) -> String {
        MarkdownText.table(
            ["Milestone", "Time (UTC)"],
            report.milestones.map { [$0.milestone, $0.time ?? PostmortemBuilder.notRecorded] })
            + "\n"
            + MarkdownText.table(
                ["Metric", "Measured", "Value"],
                report.metrics.map { ["\($0.name) (\($0.abbreviation))", "\($0.from) → \($0.to)", $0.value] })
    }

    public static func actionItems(_ report: PostmortemReport) -> String {
        MarkdownText.table(
            ["#", "Action", "Type", "Owner", "Priority", "Due", "Status"],
            report.actionItems.map {
                ["\($0.id)", $0.title, $0.type, $0.owner ?? "unowned", $0.priority, $0.due ?? "none", $0.status]
            })
    }

    public static func responders(_ report: PostmortemReport) -> String {
        MarkdownText.table(
            ["Person", "Roles", "Timeline entries"],
            report.responders.map { [$0.name, roles($0), "\($0.entries)"] })
    }

    static func roles(_ responder: PostmortemReport.Responder) -> String {
        responder.roles.isEmpty ? "wrote to the timeline" : responder.roles.joined(separator: ", ")
    }

    /// Everyone who took part, role holders first, for the header.
    static func responderNames(_ report: PostmortemReport) -> String {
        report.responders.isEmpty ? "none recorded" : report.responders.map(\.name).joined(separator: ", ")
    }
}
