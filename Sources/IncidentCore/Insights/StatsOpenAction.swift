/// An open action item as the statistics count it: whose it is and when it is due.
public struct StatsOpenAction: Sendable, Equatable {
    public var incidentId: Int64
    public var owner: String?
    /// `YYYY-MM-DD`, or nil when no due date was set.
    public var dueDate: String?

    public init(incidentId: Int64, owner: String?, dueDate: String?) {
        self.incidentId = incidentId
        self.owner = owner
        self.dueDate = dueDate
    }
}
