import Foundation

/// How bad an incident is. P0 is the worst; the order drives sorting everywhere.
public enum Severity: String, CaseIterable, Codable, Sendable, Comparable {
    case p0 = "P0"
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"

    /// Accepts `P1`, `p1` and `1`, since responders type whichever is fastest.
    public init?(argument: String) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces).uppercased()
        if let exact = Severity(rawValue: trimmed) {
            self = exact
        } else if let exact = Severity(rawValue: "P" + trimmed) {
            self = exact
        } else {
            return nil
        }
    }

    public var rank: Int { Severity.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The default meaning of each level, as on-call policies usually word it.
    public var meaning: String {
        switch self {
        case .p0: "critical: service down, data loss or breach; respond within 15 minutes"
        case .p1: "high: major feature broken for many users; respond within 1 hour"
        case .p2: "medium: degraded or partial impact; respond within 4 hours"
        case .p3: "low: minor impact; respond next business day"
        }
    }
}
