import Foundation

/// Everything a store holds about incidents and handoffs, as `sitrep export --all` writes it and
/// `sitrep import` reads it: the stored records themselves (keys, times to the millisecond, the
/// timeline's details and hashes as stored), so a dump moved between SQLite and PostgreSQL
/// arrives byte for byte and still verifies. Health samples are left out: they age out anyway.
public struct StoreDump: Codable, Sendable, Equatable {
    public struct IncidentRecords: Codable, Sendable, Equatable {
        public var incident: Incident
        public var services: [String]
        public var tags: [String]
        public var roles: [RoleAssignment]
        public var actionItems: [ActionItem]
        public var timeline: [TimelineEntry]
        public var runbookRuns: [RunRecords]
    }

    public struct RunRecords: Codable, Sendable, Equatable {
        public var run: RunbookRun
        public var steps: [StepRun]
    }

    public struct HandoffRecord: Codable, Sendable, Equatable {
        public var id: Int64
        public var from: String
        public var to: String
        public var createdAt: Date
        public var notes: String
        public var transfersCommand: Bool
        public var acknowledgedAt: Date?
        public var acknowledgedBy: String?
        public var report: HandoffReport
    }

    /// Names the file for what it is, so `import` can refuse anything else.
    public var format = "sitrep-dump"
    public var formatVersion = 1
    public var incidents: [IncidentRecords]
    public var handoffs: [HandoffRecord]

    public init(incidents: [IncidentRecords], handoffs: [HandoffRecord]) {
        self.incidents = incidents
        self.handoffs = handoffs
    }

    /// Sorted keys and canonical millisecond UTC times: the same store always dumps the same bytes.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.canonical(date))
        }
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a dump; `source` names the file in messages.
    public static func decode(_ data: Data, source: String) throws -> StoreDump {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a time"))
            }
            return date
        }
        let dump: StoreDump
        do {
            dump = try decoder.decode(StoreDump.self, from: data)
        } catch let error as DecodingError {
            throw StoreError.invalid("\(source): not a sitrep dump (\(Self.describe(error))); nothing was imported")
        } catch {
            throw StoreError.invalid("\(source): not a sitrep dump (\(error)); nothing was imported")
        }
        guard dump.format == "sitrep-dump", dump.formatVersion == 1 else {
            throw StoreError.invalid(
                "\(source): a \(dump.format) file, version \(dump.formatVersion); this sitrep reads sitrep-dump "
                    + "version 1; nothing was imported")
        }
        return dump
    }

    static func describe(_ error: DecodingError) -> String {
        let (context, what): (DecodingError.Context, String) =
            switch error {
            case .typeMismatch(_, let context): (context, "wrong type")
            case .valueNotFound(_, let context): (context, "missing value")
            case .keyNotFound(let key, let context): (context, "missing \(key.stringValue)")
            case .dataCorrupted(let context): (context, context.debugDescription)
            @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "\(error)")
            }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? what : "\(what) at \(path)"
    }
}
