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

extension RoleAssignment: StoredRecord {
    public static let databaseTableName = "roleAssignment"
}
