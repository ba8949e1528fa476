import Foundation
import GRDB

/// Who held a role on an incident and from when until when; current holders have no `endedAt`.
public struct RoleAssignment: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var incidentId: Int64
    public var role: Role
    public var person: String
    public var assignedAt: Date
    public var endedAt: Date?
}

extension RoleAssignment: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "roleAssignment"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        DatabaseTime.encoding
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        DatabaseTime.decoding
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
