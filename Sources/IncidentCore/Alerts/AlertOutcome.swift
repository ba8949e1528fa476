/// What recording a notification did, for the receiver's answer and the CLI's output.
public enum AlertOutcome: Sendable, Equatable {
    /// A new incident was declared from the alert.
    case declared(String)
    /// Something changed and was appended to this incident's timeline.
    case updated(String)
    /// A re-send: everything in it was already recorded, nothing was written.
    case unchanged(String)
    /// Nothing to do: only resolved or acknowledged alerts, and no incident holds them.
    case ignored

    public var incidentKey: String? {
        switch self {
        case .declared(let key), .updated(let key), .unchanged(let key): key
        case .ignored: nil
        }
    }

    public var word: String {
        switch self {
        case .declared: "declared"
        case .updated: "updated"
        case .unchanged: "unchanged"
        case .ignored: "ignored"
        }
    }
}
