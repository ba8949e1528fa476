import Foundation

/// The incident as a Mermaid `gantt` chart, which GitHub and GitLab draw from a fenced
/// ```` ```mermaid ```` block: the response spans (detection to acknowledgement, mitigation and
/// resolution) as bars, recorded milestones and decisions as diamonds, all on one UTC time axis.
/// Only recorded times appear; a milestone never stamped is simply absent.
public enum PostmortemDiagram {
    /// More decisions than this are left to the timeline table (a note says how many).
    static let decisionLimit = 20

    public static func mermaid(_ report: PostmortemReport) -> String {
        var lines = [
            "gantt", "    title \(clean(report.key + " " + report.title)) (UTC)", "    dateFormat YYYY-MM-DD HH:mm:ss",
            "    axisFormat %H:%M",
        ]
        let times = Dictionary(
            report.milestones.compactMap { moment in moment.time.map { (moment.milestone, $0) } },
            uniquingKeysWith: { first, _ in first })
        let spans = report.metrics.filter { $0.abbreviation != "TTD" && $0.seconds != nil }
        if let detected = times[Milestone.detected.rawValue], !spans.isEmpty {
            lines.append("    section Response")
            for metric in spans {
                guard let end = times[metric.to] else { continue }
                lines.append(
                    "    \(metric.name) \(metric.value) : \(metric.abbreviation.lowercased()), "
                        + "\(stamp(detected)), \(stamp(end))")
            }
        }
        lines.append("    section Milestones")
        for moment in report.milestones {
            guard let time = moment.time else { continue }
            lines.append(
                "    \(moment.milestone.capitalizedFirst) : milestone, \(moment.milestone), \(stamp(time)), 0m")
        }
        let decisions = report.timeline.filter { $0.kind == TimelineKind.decision.rawValue }
        if !decisions.isEmpty {
            lines.append("    section Decisions")
            for (index, line) in decisions.prefix(decisionLimit).enumerated() {
                let text = line.text.hasPrefix("Decision: ") ? String(line.text.dropFirst(10)) : line.text
                lines.append("    \(clean(text)) : milestone, decision\(index + 1), \(stamp(line.time)), 0m")
            }
            if decisions.count > decisionLimit {
                lines.append("    %% \(decisions.count - decisionLimit) more decisions in the timeline below")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `2025-11-04 10:02:00` from an ISO-8601 UTC time, the diagram's date format.
    static func stamp(_ iso: String) -> String {
        String(iso.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// One line of at most 60 characters without the characters Mermaid reads as syntax (`:` ends
    /// a task name, `;` a statement, `#` starts an entity, `%%` a comment).
    static func clean(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case ":": result.append("∶")
            case ";": result.append(",")
            case "#": result.append("＃")
            case "%": result.append("％")
            case "\n", "\r", "\t": result.append(" ")
            default: result.append(character)
            }
        }
        let trimmed = result.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 60 ? String(trimmed.prefix(59)) + "…" : trimmed
    }
}
