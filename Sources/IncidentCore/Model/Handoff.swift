import Foundation

/// A shift change: who handed over to whom, the report frozen at that moment, and who
/// acknowledged it when. Until acknowledged, the console shows it to everyone.
public struct Handoff: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var from: String
    public var to: String
    public var createdAt: Date
    public var notes: String
    public var transfersCommand: Bool
    public var report: HandoffReport
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?

    public init(
        id: Int64, from: String, to: String, createdAt: Date, notes: String, transfersCommand: Bool,
        report: HandoffReport, acknowledgedAt: Date?, acknowledgedBy: String?
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.createdAt = createdAt
        self.notes = notes
        self.transfersCommand = transfersCommand
        self.report = report
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
    }

    public var isAcknowledged: Bool { acknowledgedAt != nil }

    /// The handoff with its notes and report passed through `redactor`, for anything printed.
    public func redacted(with redactor: Redactor) -> Handoff {
        var copy = self
        copy.notes = redactor.redact(notes)
        copy.report = report.redacted(with: redactor)
        return copy
    }
}

/// The JSON shape of `sitrep handoff show --format json`: stable names, nulls kept explicit.
extension Handoff: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(notes, forKey: .notes)
        try container.encode(transfersCommand, forKey: .transfersCommand)
        try container.encode(acknowledgedAt, forKey: .acknowledgedAt)
        try container.encode(acknowledgedBy, forKey: .acknowledgedBy)
        try container.encode(report, forKey: .report)
    }

    enum CodingKeys: String, CodingKey {
        case id, from, to, createdAt, notes, transfersCommand, acknowledgedAt, acknowledgedBy, report
    }
}
