/// The moments a review measures an incident by (time to detect, acknowledge, mitigate, resolve).
public enum Milestone: String, CaseIterable, Codable, Sendable {
    case detected
    case declared
    case acknowledged
    case mitigated
    case resolved
    case closed
}
