import Foundation
import Mustache

/// What a postmortem template sees: the report's fields under their JSON names, each text
/// Markdown-safe by default, plus ready tables. Children are computed when a template asks for
/// them, so the default template never pays for a 100,000-row loop it does not use.
struct PostmortemTemplateContext: MustacheParent {
    let report: PostmortemReport

    func child(named name: String) -> Any? {
        switch name {
        case "key": return TemplateText(report.key)
        case "title": return TemplateText(report.title)
        case "severity": return TemplateText(report.severity)
        case "status": return TemplateText("Draft")
        case "incidentStatus": return TemplateText(report.incidentStatus)
        case "drill": return report.drill
        case "date": return TemplateText(report.date)
        case "duration": return TemplateText(report.duration)
        case "commander": return Self.optional(report.commander)
        case "services": return report.services.map(TemplateText.init)
        case "servicesText": return TemplateText(report.services.joined(separator: ", "))
        case "tags": return report.tags.map(TemplateText.init)
        case "tagsText": return TemplateText(report.tags.joined(separator: ", "))
        case "summary": return TemplateText(report.summary)
        case "impact": return TemplateText(report.impact)
        case "rootCause": return TemplateText(report.rootCause)
        case "resolution": return TemplateText(report.resolution)
        case "milestones":
            return report.milestones.map { moment -> [String: Any] in
                ["milestone": TemplateText(moment.milestone), "time": Self.optional(moment.time)]
            }
        case "times":
            var times: [String: Any] = [:]
            for moment in report.milestones { times[moment.milestone] = Self.optional(moment.time) }
            return times
        case "metrics":
            return report.metrics.map { metric -> [String: Any] in
                [
                    "abbreviation": TemplateText(metric.abbreviation), "name": TemplateText(metric.name),
                    "from": TemplateText(metric.from), "to": TemplateText(metric.to),
                    "seconds": metric.seconds.map { $0 as Any } ?? NSNull(), "value": TemplateText(metric.value),
                    "recorded": metric.seconds != nil,
                ]
            }
        case "ttd", "tta", "ttm", "ttr":
            return report.metrics.first { $0.abbreviation.lowercased() == name }.map { TemplateText($0.value) }
        case "timeline": return report.timeline.map(TemplateLine.init)
        case "days":
            return report.days.map { day -> [String: Any] in
                ["day": TemplateText(day.day), "lines": day.lines.map(TemplateLine.init)]
            }
        case "spansDays":
            return Set(report.timeline.map(\.day)).count > 1
        case "actionItems":
            return report.actionItems.map { item -> [String: Any] in
                [
                    "id": item.id, "title": TemplateText(item.title), "type": TemplateText(item.type),
                    "owner": Self.optional(item.owner), "priority": TemplateText(item.priority),
                    "due": Self.optional(item.due), "status": TemplateText(item.status), "done": item.status == "done",
                ]
            }
        case "hasActionItems": return !report.actionItems.isEmpty
        case "responders":
            return report.responders.map { responder -> [String: Any] in
                [
                    "name": TemplateText(responder.name), "roles": responder.roles.map(TemplateText.init),
                    "rolesText": TemplateText(PostmortemTables.roles(responder)), "entries": responder.entries,
                ]
            }
        case "responderNames": return TemplateText(PostmortemTables.responderNames(report))
        case "diagram": return report.diagram.map { $0 as Any } ?? NSNull()
        case "hasDiagram": return report.diagram != nil
        case "tables": return TablesContext(report: report)
        default: return nil
        }
    }

    /// NSNull stops Mustache from looking the name up in enclosing objects, so a missing owner
    /// renders as absent instead of borrowing some outer `owner`.
    static func optional(_ text: String?) -> Any {
        text.map(TemplateText.init) ?? NSNull()
    }

    /// Ready-made Markdown tables: `{{tables.timeline}}` and friends.
    struct TablesContext: MustacheParent {
        let report: PostmortemReport

        /// Without the final line break, so `{{tables.x}}` on a line of its own ends the table there.
        func child(named name: String) -> Any? {
            var table: String
            switch name {
            case "header": table = PostmortemTables.header(report)
            case "keyTimestamps": table = PostmortemTables.keyTimestamps(report)
            case "timeline": table = PostmortemTables.timeline(report)
            case "actionItems": table = PostmortemTables.actionItems(report)
            case "responders": table = PostmortemTables.responders(report)
            case "diagram":
                guard let diagram = report.diagram else { return nil }
                table = "```mermaid\n" + diagram + "\n```"
            default: return nil
            }
            if table.hasSuffix("\n") { table.removeLast() }
            return table
        }
    }

    /// One timeline line, wrapped only when a template loops over the timeline.
    struct TemplateLine: MustacheParent {
        let line: PostmortemReport.Line

        func child(named name: String) -> Any? {
            switch name {
            case "sequence": return line.sequence
            case "time": return TemplateText(line.time)
            case "day": return TemplateText(line.day)
            case "clock": return TemplateText(line.clock)
            case "author": return TemplateText(line.author)
            case "kind": return TemplateText(line.kind)
            case "text": return TemplateText(line.text)
            default: return nil
            }
        }
    }
}
