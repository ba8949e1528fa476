import Foundation

/// Everything a review draft says, computed once from the recorded incident and already
/// redacted. `--format json` prints it and templates read it, so field names are an interface:
/// add, never rename.
public struct PostmortemReport: Encodable, Sendable, Equatable {
    /// Time to detect, acknowledge, mitigate or resolve: the span between two milestones.
    public struct Metric: Encodable, Sendable, Equatable {
        public var abbreviation: String
        public var name: String
        public var from: String
        public var to: String
        /// Nil when either milestone was never recorded; never estimated.
        public var seconds: Int?
        /// `12m 00s`, or `not recorded`.
        public var value: String
    }

    public struct Moment: Encodable, Sendable, Equatable {
        public var milestone: String
        /// ISO-8601 UTC, nil when not recorded.
        public var time: String?
    }

    /// One timeline line as the review shows it.
    public struct Line: Encodable, Sendable, Equatable {
        public var sequence: Int
        public var eventAt: Date
        /// `2025-11-04`, for grouping.
        public var day: String
        /// `10:02:00`, UTC.
        public var clock: String
        public var author: String
        public var kind: String
        /// The entry as a readable sentence.
        public var text: String

        /// ISO-8601 UTC event time; computed when asked, as most renderings only show `clock`.
        public var time: String { Timestamp.iso(eventAt) }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sequence, forKey: .sequence)
            try container.encode(time, forKey: .time)
            try container.encode(day, forKey: .day)
            try container.encode(clock, forKey: .clock)
            try container.encode(author, forKey: .author)
            try container.encode(kind, forKey: .kind)
            try container.encode(text, forKey: .text)
        }

        enum CodingKeys: String, CodingKey {
            case sequence, time, day, clock, author, kind, text
        }
    }

    public struct Day: Encodable, Sendable, Equatable {
        public var day: String
        public var lines: [Line]
    }

    public struct Action: Encodable, Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var type: String
        public var owner: String?
        public var priority: String
        public var due: String?
        public var status: String

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(type, forKey: .type)
            try container.encode(owner, forKey: .owner)
            try container.encode(priority, forKey: .priority)
            try container.encode(due, forKey: .due)
            try container.encode(status, forKey: .status)
        }

        enum CodingKeys: String, CodingKey {
            case id, title, type, owner, priority, due, status
        }
    }

    public struct Responder: Encodable, Sendable, Equatable {
        public var name: String
        /// Role titles ever held, commander first; empty for people who only wrote entries.
        public var roles: [String]
        public var entries: Int
    }

    public var formatVersion = 1
    public var key: String
    public var title: String
    public var severity: String
    /// The incident's lifecycle status; the draft itself is always "Draft".
    public var incidentStatus: String
    public var drill: Bool
    /// UTC day the problem was detected.
    public var date: String
    /// Detection to resolution, or `ongoing (not resolved)`.
    public var duration: String
    public var commander: String?
    public var services: [String]
    public var tags: [String]
    public var summary: String
    public var impact: String
    public var rootCause: String
    public var resolution: String
    public var milestones: [Moment]
    public var metrics: [Metric]
    public var timeline: [Line]
    public var actionItems: [Action]
    public var responders: [Responder]
    /// The incident as Mermaid `gantt` source (no fence); nil when turned off (`--no-diagram`).
    public var diagram: String? = nil

    /// The timeline split by UTC day, in order.
    public var days: [Day] {
        var result: [Day] = []
        for line in timeline {
            if result.last?.day == line.day {
                result[result.count - 1].lines.append(line)
            } else {
                result.append(Day(day: line.day, lines: [line]))
            }
        }
        return result
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(key, forKey: .key)
        try container.encode(title, forKey: .title)
        try container.encode(severity, forKey: .severity)
        try container.encode(incidentStatus, forKey: .incidentStatus)
        try container.encode(drill, forKey: .drill)
        try container.encode(date, forKey: .date)
        try container.encode(duration, forKey: .duration)
        try container.encode(commander, forKey: .commander)
        try container.encode(services, forKey: .services)
        try container.encode(tags, forKey: .tags)
        try container.encode(summary, forKey: .summary)
        try container.encode(impact, forKey: .impact)
        try container.encode(rootCause, forKey: .rootCause)
        try container.encode(resolution, forKey: .resolution)
        try container.encode(milestones, forKey: .milestones)
        try container.encode(metrics, forKey: .metrics)
        try container.encode(timeline, forKey: .timeline)
        try container.encode(actionItems, forKey: .actionItems)
        try container.encode(responders, forKey: .responders)
        try container.encode(diagram, forKey: .diagram)
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion, key, title, severity, incidentStatus, drill, date, duration, commander, services, tags
        case summary, impact, rootCause, resolution, milestones, metrics, timeline, actionItems, responders, diagram
    }
}
