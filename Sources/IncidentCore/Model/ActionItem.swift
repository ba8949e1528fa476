import Foundation

/// Follow-up work that comes out of an incident: mitigate now, prevent a repeat, fix a process.
public struct ActionItem: Codable, Sendable, Equatable, Identifiable {
    public enum Priority: String, CaseIterable, Codable, Sendable {
        case high, medium, low
    }

    public enum Category: String, CaseIterable, Codable, Sendable {
        case mitigate, prevent, process, other
    }

    public enum State: String, CaseIterable, Codable, Sendable {
        case open, done
    }

    public var id: Int64?
    public var incidentId: Int64
    public var title: String
    public var owner: String?
    /// A calendar day as `YYYY-MM-DD`: due dates have no time of day or zone.
    public var dueDate: String?
    public var priority: Priority
    public var category: Category
    public var state: State
    public var createdBy: String
    public var createdAt: Date
    public var completedBy: String?
    public var completedAt: Date?
}
