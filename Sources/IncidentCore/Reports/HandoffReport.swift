import Foundation

/// What the incoming engineer needs to know, frozen when the handoff is made so that later
/// changes never rewrite what was actually handed over. Stored as JSON in the handoff row.
public struct HandoffReport: Codable, Sendable, Equatable {
    /// A recent timeline line, as it stood at the handoff.
    public struct Entry: Codable, Sendable, Equatable {
        public var time: Date
        public var author: String
        public var kind: String
        public var text: String
    }

    public struct OpenIncident: Codable, Sendable, Equatable {
        public var key: String
        public var title: String
        public var severity: String
        public var status: String
        public var drill: Bool
        public var declaredAt: Date
        public var commander: String?
        /// Event time of the newest entry at the handoff: how stale the incident's record is.
        public var lastUpdateAt: Date
        /// The last three entries, oldest first.
        public var recentEntries: [Entry]
    }

    public struct OpenAction: Codable, Sendable, Equatable {
        public var id: Int64
        public var incident: String
        public var title: String
        public var owner: String?
        public var due: String?
        public var priority: String
        public var overdue: Bool
    }

    public struct FailingCheck: Codable, Sendable, Equatable {
        public var check: String
        /// The first of the unbroken run of failing samples up to the handoff.
        public var downSince: Date
        public var lastSampleAt: Date
        public var latencyMilliseconds: Double?
        public var error: String?
    }

    public struct RunningRunbook: Codable, Sendable, Equatable {
        public var id: Int64
        public var incident: String
        public var title: String
        public var path: String
        public var startedBy: String
        public var startedAt: Date
        public var stepsRecorded: Int
    }

    public var formatVersion = 1
    public var generatedAt: Date
    public var from: String
    public var to: String
    public var notes: String
    public var transfersCommand: Bool
    public var incidents: [OpenIncident]
    public var actionItems: [OpenAction]
    public var failingChecks: [FailingCheck]
    public var runbookRuns: [RunningRunbook]

    /// The stored form: sorted keys and ISO-8601 UTC times, like every sitrep export.
    public func json() throws -> String {
        try ExportJSON.encode(self)
    }

    public static func decode(json: String) throws -> HandoffReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\(text) is not an ISO-8601 time")
            }
            return date
        }
        return try decoder.decode(HandoffReport.self, from: Data(json.utf8))
    }

    /// The same report with every free-text field passed through `redactor`.
    public func redacted(with redactor: Redactor) -> HandoffReport {
        var copy = self
        copy.notes = redactor.redact(notes)
        copy.incidents = incidents.map { incident in
            var incident = incident
            incident.title = redactor.redact(incident.title)
            incident.recentEntries = incident.recentEntries.map { entry in
                var entry = entry
                entry.text = redactor.redact(entry.text)
                return entry
            }
            return incident
        }
        copy.actionItems = actionItems.map { item in
            var item = item
            item.title = redactor.redact(item.title)
            return item
        }
        copy.failingChecks = failingChecks.map { check in
            var check = check
            check.error = redactor.redact(check.error)
            return check
        }
        return copy
    }
}
