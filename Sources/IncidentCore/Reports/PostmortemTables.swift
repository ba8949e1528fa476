/// The review's larger tables as ready Markdown, for templates that want them whole. The timeline
/// table is built here rather than in a template loop because it may hold 100,000 rows.
public enum PostmortemTables {
    /// One table per UTC day under a `### day` heading when the timeline spans days, else one table.
    public static func timeline(_ report: PostmortemReport) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(report.timeline.count * 100)
        appendTimeline(report, to: &out) { _ in }
        return String(decoding: out, as: UTF8.self)
    }

    /// The timeline tables written straight into `out`, so a whole draft can be built in one
    /// buffer instead of copying a table of 100,000 rows from string to string.
    /// `afterRow` may drain `out` (to a file) as the table grows.
    static func appendTimeline(
        _ report: PostmortemReport, to out: inout [UInt8], afterRow: (inout [UInt8]) throws -> Void
    ) rethrows {
        let lines = report.timeline
        // Lines are in time order, so the timeline spans days exactly when its ends differ.
        let spansDays = lines.first?.day != lines.last?.day
        let rowStart = Array("| ".utf8)
        let separator = Array(" | ".utf8)
        let rowEnd = Array(" |\n".utf8)
        var day = ""
        for line in lines {
            if line.day != day {
                if !day.isEmpty { out.append(10) }
                day = line.day
                if spansDays { out.append(contentsOf: "### \(day)\n\n".utf8) }
                out.append(contentsOf: "| Time (UTC) | Who | What |\n| --- | --- | --- |\n".utf8)
            }
            out.append(contentsOf: rowStart)
            MarkdownText.appendCell(line.clock, to: &out)
            out.append(contentsOf: separator)
            MarkdownText.appendCell(line.author, to: &out)
            out.append(contentsOf: separator)
            MarkdownText.appendCell(line.text, to: &out)
            out.append(contentsOf: rowEnd)
            try afterRow(&out)
        }
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
