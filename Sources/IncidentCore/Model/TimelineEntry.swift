import Foundation

/// One append-only line of an incident's history. `hash` chains it to the entry before it.
public struct TimelineEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var incidentId: Int64
    /// 1, 2, 3… within the incident; a gap means an entry was deleted behind sitrep's back.
    public var sequence: Int
    public var kind: TimelineKind
    public var author: String
    /// When it happened (may be back-dated with `--at`).
    public var eventAt: Date
    /// When sitrep wrote it down (always the clock at write time).
    public var recordedAt: Date
    public var text: String
    /// Machine-readable facts such as old and new values, as a JSON object with sorted keys.
    public var details: String
    public var previousHash: String
    public var hash: String

    public init(
        id: Int64?,
        incidentId: Int64,
        sequence: Int,
        kind: TimelineKind,
        author: String,
        eventAt: Date,
        recordedAt: Date,
        text: String,
        details: String,
        previousHash: String,
        hash: String
    ) {
        self.id = id
        self.incidentId = incidentId
        self.sequence = sequence
        self.kind = kind
        self.author = author
        self.eventAt = eventAt
        self.recordedAt = recordedAt
        self.text = text
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    public var detailValues: [String: String] {
        guard let data = details.data(using: .utf8),
            let object = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return object
    }
}
