import Foundation

/// How much damage a step can do; high risk needs the step's name typed to confirm it.
public enum RiskLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case low, medium, high

    /// Accepts `low`, `Medium`, `HIGH` as authors write them in attributes and `**Risk level**` lines.
    public init?(text: String) {
        self.init(rawValue: MarkdownNode.trimmed(text).lowercased())
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
