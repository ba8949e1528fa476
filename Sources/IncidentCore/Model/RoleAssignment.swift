import Foundation

/// Who held a role on an incident and from when until when; current holders have no `endedAt`.
public struct RoleAssignment: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var incidentId: Int64
    public var role: Role
    public var person: String
    public var assignedAt: Date
    public var endedAt: Date?

    public init(id: Int64?, incidentId: Int64, role: Role, person: String, assignedAt: Date, endedAt: Date?) {
        self.id = id
        self.incidentId = incidentId
        self.role = role
        self.person = person
        self.assignedAt = assignedAt
        self.endedAt = endedAt
    }
}
