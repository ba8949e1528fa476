import Foundation

/// Computes a review draft's content from what was recorded: milestone metrics (never guessed),
/// the timeline as sentences in event-time order, action items and who took part. Pure: the same
/// incident always gives the same report, which is what makes the output byte-for-byte stable.
public enum PostmortemBuilder {
    public static let notRecorded = "not recorded"

    /// Each metric measures from one milestone to another; the review states which.
    static let metricSpans: [(abbreviation: String, name: String, from: Milestone, to: Milestone)] = [
        ("TTD", "Time to detect", .detected, .declared),
        ("TTA", "Time to acknowledge", .detected, .acknowledged),
        ("TTM", "Time to mitigate", .detected, .mitigated),
        ("TTR", "Time to resolve", .detected, .resolved),
    ]

    public static func build(_ detail: IncidentDetail, redactor: Redactor = .standard) -> PostmortemReport {
        var timeline = Timeline(redactor: redactor)
        for entry in detail.timeline {
            timeline.add(
                sequence: entry.sequence, kind: entry.kind, author: entry.author, eventAt: entry.eventAt,
                text: entry.text, details: entry.details)
        }
        return build(detail, timeline: timeline)
    }

    /// Builds from the incident's fields, roles and action items plus a timeline collected
    /// separately (`detail.timeline` is not read), so a store can stream a long timeline in.
    static func build(_ detail: IncidentDetail, timeline: Timeline) -> PostmortemReport {
        let incident = detail.incident
        let redactor = timeline.redactor
        let metrics = metricSpans.map { span -> PostmortemReport.Metric in
            let seconds: Int? =
                if let from = incident.time(of: span.from), let to = incident.time(of: span.to) {
                    Int(max(0, to.timeIntervalSince(from)).rounded())
                } else {
                    nil
                }
            return PostmortemReport.Metric(
                abbreviation: span.abbreviation, name: span.name, from: span.from.rawValue, to: span.to.rawValue,
                seconds: seconds, value: seconds.map { Timestamp.duration(TimeInterval($0)) } ?? notRecorded)
        }
        let duration =
            incident.resolvedAt.map { Timestamp.duration($0.timeIntervalSince(incident.detectedAt)) }
            ?? "ongoing (not resolved)"
        let commander =
            detail.holder(of: .commander)
            ?? detail.roles.filter { $0.role == .commander }.max {
                ($0.assignedAt, $0.id ?? 0) < ($1.assignedAt, $1.id ?? 0)
            }?
            .person

        var report = PostmortemReport(
            key: incident.key, title: redactor.redact(incident.title), severity: incident.severity.rawValue,
            incidentStatus: incident.status.rawValue, drill: incident.isDrill, date: Timestamp.day(incident.detectedAt),
            duration: duration, commander: commander, services: detail.services, tags: detail.tags,
            summary: redactor.redact(incident.summary), impact: redactor.redact(incident.impact),
            rootCause: redactor.redact(incident.rootCause), resolution: redactor.redact(incident.resolution),
            milestones: Milestone.allCases.map {
                PostmortemReport.Moment(milestone: $0.rawValue, time: incident.time(of: $0).map(Timestamp.iso))
            },
            metrics: metrics, timeline: timeline.lines(),
            actionItems: detail.actionItems.map { item in
                PostmortemReport.Action(
                    id: item.id ?? 0, title: redactor.redact(item.title), type: item.category.rawValue,
                    owner: item.owner, priority: item.priority.rawValue, due: item.dueDate, status: item.state.rawValue)
            },
            responders: responders(roles: detail.roles, entries: timeline.entriesByAuthor))
        report.diagram = PostmortemDiagram.mermaid(report)
        return report
    }

    /// Collects timeline lines one entry at a time, in whatever order they arrive, and hands them
    /// back in event-time order: entries logged late with `--at` land where they happened, and
    /// entries at the same moment keep the order they were written in.
    struct Timeline {
        let redactor: Redactor
        var collected: [PostmortemReport.Line] = []
        var entriesByAuthor: [String: Int] = [:]
        var inOrder = true

        init(redactor: Redactor) {
            self.redactor = redactor
        }

        mutating func add(
            sequence: Int, kind: TimelineKind?, author: String, eventAt: Date, text: String, details: String
        ) {
            if let last = collected.last, (last.eventAt, last.sequence) > (eventAt, sequence) { inOrder = false }
            let stamp = UTCStamp(eventAt)
            let sentence = TimelineSentence.sentence(kind: kind, text: text, details: details)
            collected.append(
                PostmortemReport.Line(
                    sequence: sequence, eventAt: eventAt, day: stamp.day, clock: stamp.clock, author: author,
                    kind: kind?.rawValue ?? "", text: redactor.redact(sentence)))
            entriesByAuthor[author, default: 0] += 1
        }

        func lines() -> [PostmortemReport.Line] {
            if inOrder { return collected }
            return collected.sorted { ($0.eventAt, $0.sequence) < ($1.eventAt, $1.sequence) }
        }
    }

    /// Everyone who held a role or wrote to the timeline: role holders first (commander, scribe,
    /// comms, responders), then by name.
    static func responders(roles assignments: [RoleAssignment], entries: [String: Int]) -> [PostmortemReport.Responder]
    {
        var roles: [String: Set<Role>] = [:]
        for assignment in assignments { roles[assignment.person, default: []].insert(assignment.role) }
        let people = Set(entries.keys).union(roles.keys)
        func rank(_ person: String) -> Int {
            Role.allCases.firstIndex { roles[person]?.contains($0) == true } ?? Role.allCases.count
        }
        return people.sorted { (rank($0), $0) < (rank($1), $1) }.map { person in
            PostmortemReport.Responder(
                name: person, roles: Role.allCases.filter { roles[person]?.contains($0) == true }.map(\.title),
                entries: entries[person] ?? 0)
        }
    }

    /// The day and clock of one UTC time, written byte by byte: `String(format:)` is too slow for
    /// a timeline of a hundred thousand entries. Both fit in Swift's inline small strings.
    struct UTCStamp {
        var day: String
        var clock: String

        init(_ date: Date) {
            let parts = Timestamp.utcParts(date)
            day = Self.joined(parts.year, 4, parts.month, parts.day, separator: 45)
            clock = Self.joined(parts.hour, 2, parts.minute, parts.second, separator: 58)
        }

        /// `2025-11-04` or `10:02:00`: a number of `width` digits, then two of two digits, joined.
        static func joined(_ first: Int, _ width: Int, _ second: Int, _ third: Int, separator: UInt8) -> String {
            String(unsafeUninitializedCapacity: width + 6) { buffer in
                write(first, width: width, into: buffer, at: 0)
                buffer[width] = separator
                write(second, width: 2, into: buffer, at: width + 1)
                buffer[width + 3] = separator
                write(third, width: 2, into: buffer, at: width + 4)
                return width + 6
            }
        }

        static func write(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
            var rest = value
            for offset in stride(from: width - 1, through: 0, by: -1) {
                buffer[start + offset] = UInt8(48 + rest % 10)
                rest /= 10
            }
        }
    }
}
