/// What the outgoing engineer asks for: who takes over, what they should know, and whether
/// command of the open incidents goes with the pager.
public struct HandoffRequest: Sendable, Equatable {
    public var to: String
    public var notes: String
    public var transfersCommand: Bool

    public init(to: String, notes: String = "", transfersCommand: Bool = false) {
        self.to = to
        self.notes = notes
        self.transfersCommand = transfersCommand
    }
}
