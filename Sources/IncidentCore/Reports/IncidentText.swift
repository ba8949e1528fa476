import Foundation

/// Plain-text views for the CLI: aligned columns for lists, a readable sheet for one incident.
public enum IncidentText {
    public static func list(_ summaries: [IncidentSummary], now: Date) -> String {
        if summaries.isEmpty { return "No open incidents.\n" }
        var rows = [["KEY", "SEV", "STATUS", "AGE", "COMMANDER", "TITLE"]]
        for summary in summaries {
            let incident = summary.incident
            rows.append([
                incident.key, incident.severity.rawValue + (incident.isDrill ? " drill" : ""), incident.status.rawValue,
                Timestamp.duration(now.timeIntervalSince(incident.declaredAt)), summary.commander ?? "-",
                incident.title,
            ])
        }
        return table(rows)
    }

    public static func actions(_ items: [(incidentKey: String, item: ActionItem)], today: String) -> String {
        if items.isEmpty { return "No action items.\n" }
        var rows = [["ID", "INCIDENT", "STATUS", "PRIORITY", "TYPE", "OWNER", "DUE", "TITLE"]]
        for (key, item) in items {
            var due = item.dueDate ?? "-"
            if let date = item.dueDate, item.state == .open, date < today { due += " overdue" }
            rows.append([
                "#\(item.id ?? 0)", key, item.state.rawValue, item.priority.rawValue, item.category.rawValue,
                item.owner ?? "-", due, item.title,
            ])
        }
        return table(rows)
    }

    public static func detail(_ detail: IncidentDetail, now: Date) -> String {
        let incident = detail.incident
        var lines: [String] = []
        lines.append("\(incident.key)  \(incident.title)")
        var facts = [
            "severity \(incident.severity.rawValue)", "status \(incident.status.rawValue)",
            "open for \(Timestamp.duration((incident.closedAt ?? incident.resolvedAt ?? now).timeIntervalSince(incident.declaredAt)))",
        ]
        if incident.isDrill { facts.append("DRILL") }
        lines.append(facts.joined(separator: " · "))
        if !detail.services.isEmpty { lines.append("Services: \(detail.services.joined(separator: ", "))") }
        if !detail.tags.isEmpty { lines.append("Tags: \(detail.tags.joined(separator: ", "))") }
        for (label, value) in [
            ("Summary", incident.summary), ("Impact", incident.impact), ("Root cause", incident.rootCause),
            ("Resolution", incident.resolution),
        ] where !value.isEmpty {
            lines.append("\(label): \(value)")
        }
        lines.append("")
        lines.append("Milestones (UTC)")
        for milestone in Milestone.allCases {
            let value = incident.time(of: milestone).map(Timestamp.iso) ?? "-"
            lines.append("  \(milestone.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))\(value)")
        }
        lines.append("")
        lines.append("Roles")
        let current = detail.currentRoles
        if current.isEmpty { lines.append("  (none assigned)") }
        for role in Role.allCases {
            let people = current.filter { $0.role == role }.map(\.person)
            if people.isEmpty { continue }
            let label = role.title.padding(toLength: 20, withPad: " ", startingAt: 0)
            lines.append("  \(label)\(people.joined(separator: ", "))")
        }
        lines.append("")
        lines.append("Action items")
        if detail.actionItems.isEmpty { lines.append("  (none)") }
        for item in detail.actionItems {
            let mark = item.state == .done ? "[x]" : "[ ]"
            var facts = [item.priority.rawValue, item.category.rawValue]
            if let owner = item.owner { facts.append("owner \(owner)") }
            if let due = item.dueDate { facts.append("due \(due)") }
            lines.append("  \(mark) #\(item.id ?? 0) \(item.title) (\(facts.joined(separator: ", ")))")
        }
        lines.append("")
        lines.append("Timeline (\(detail.timeline.count) entries, UTC)")
        let authorWidth = detail.timeline.map(\.author.count).max() ?? 0
        for entry in detail.timeline {
            let delay = entry.recordedAt.timeIntervalSince(entry.eventAt)
            let late = delay >= 60 ? " (logged \(Timestamp.duration(delay)) later)" : ""
            let author = entry.author.padding(toLength: authorWidth, withPad: " ", startingAt: 0)
            let time = Timestamp.short(entry.eventAt)
            lines.append("  \(time)  \(author)  [\(entry.kind.rawValue)] \(entry.text)\(late)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Left-aligned columns separated by two spaces; the last column is not padded.
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == columns - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
