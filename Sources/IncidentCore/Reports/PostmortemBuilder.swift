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
        let incident = detail.incident
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

        return PostmortemReport(
            key: incident.key, title: redactor.redact(incident.title), severity: incident.severity.rawValue,
            incidentStatus: incident.status.rawValue, drill: incident.isDrill, date: Timestamp.day(incident.detectedAt),
            duration: duration, commander: commander, services: detail.services, tags: detail.tags,
            summary: redactor.redact(incident.summary), impact: redactor.redact(incident.impact),
            rootCause: redactor.redact(incident.rootCause), resolution: redactor.redact(incident.resolution),
            milestones: Milestone.allCases.map {
                PostmortemReport.Moment(milestone: $0.rawValue, time: incident.time(of: $0).map(Timestamp.iso))
            },
            metrics: metrics, timeline: lines(detail.timeline, redactor: redactor),
            actionItems: detail.actionItems.map { item in
                PostmortemReport.Action(
                    id: item.id ?? 0, title: redactor.redact(item.title), type: item.category.rawValue,
                    owner: item.owner, priority: item.priority.rawValue, due: item.dueDate, status: item.state.rawValue)
            },
            responders: responders(detail))
    }

    /// Event-time order; entries logged late with `--at` land where they happened, and entries
    /// at the same moment keep the order they were written in.
    static func lines(_ timeline: [TimelineEntry], redactor: Redactor) -> [PostmortemReport.Line] {
        var entries = timeline
        let sorted = zip(entries, entries.dropFirst()).allSatisfy {
            ($0.eventAt, $0.sequence) <= ($1.eventAt, $1.sequence)
        }
        if !sorted { entries.sort { ($0.eventAt, $0.sequence) < ($1.eventAt, $1.sequence) } }
        var lines: [PostmortemReport.Line] = []
        lines.reserveCapacity(entries.count)
        for entry in entries {
            let stamp = UTCStamp(entry.eventAt)
            lines.append(
                PostmortemReport.Line(
                    sequence: entry.sequence, time: stamp.iso, day: stamp.day, clock: stamp.clock, author: entry.author,
                    kind: entry.kind.rawValue, text: redactor.redact(TimelineSentence.sentence(for: entry))))
        }
        return lines
    }

    /// Everyone who held a role or wrote to the timeline: role holders first (commander, scribe,
    /// comms, responders), then by name.
    static func responders(_ detail: IncidentDetail) -> [PostmortemReport.Responder] {
        var entries: [String: Int] = [:]
        for entry in detail.timeline { entries[entry.author, default: 0] += 1 }
        var roles: [String: Set<Role>] = [:]
        for assignment in detail.roles { roles[assignment.person, default: []].insert(assignment.role) }
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

    /// The three UTC forms of one time, formatted by hand: `String(format:)` is too slow for a
    /// timeline of a hundred thousand entries.
    struct UTCStamp {
        var iso: String
        var day: String
        var clock: String

        init(_ date: Date) {
            let parts = Timestamp.utcParts(date)
            var day = ""
            day.reserveCapacity(10)
            Self.append(parts.year, digits: 4, to: &day)
            day += "-"
            Self.append(parts.month, digits: 2, to: &day)
            day += "-"
            Self.append(parts.day, digits: 2, to: &day)
            var clock = ""
            clock.reserveCapacity(8)
            Self.append(parts.hour, digits: 2, to: &clock)
            clock += ":"
            Self.append(parts.minute, digits: 2, to: &clock)
            clock += ":"
            Self.append(parts.second, digits: 2, to: &clock)
            var iso = day + "T" + clock
            if parts.millisecond != 0 {
                iso += "."
                Self.append(parts.millisecond, digits: 3, to: &iso)
            }
            self.iso = iso + "Z"
            self.day = day
            self.clock = clock
        }

        static func append(_ value: Int, digits: Int, to text: inout String) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(48 + (rest / divisor) % 10)))
                rest %= divisor
                divisor /= 10
            }
        }
    }
}
