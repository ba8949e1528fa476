/// The lifecycle stages, in order. Moves go forward; going back needs an explicit reopen.
public enum IncidentStatus: String, CaseIterable, Codable, Sendable {
    case detected
    case acknowledged
    case investigating
    case mitigated
    case resolved
    case closed

    public var rank: Int { IncidentStatus.allCases.firstIndex(of: self)! }

    /// Resolved and closed incidents are no longer worked, so default lists hide them.
    public var isActive: Bool { self != .resolved && self != .closed }

    /// The milestone a move into this stage stamps, if any.
    public var milestone: Milestone? {
        switch self {
        case .detected: nil
        case .acknowledged: .acknowledged
        case .investigating: nil
        case .mitigated: .mitigated
        case .resolved: .resolved
        case .closed: .closed
        }
    }
}
