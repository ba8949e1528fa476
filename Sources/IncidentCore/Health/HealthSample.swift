import Foundation

/// One probe's verdict, as stored in `healthSample` and shown in the Health pane.
public struct HealthSample: Sendable, Equatable {
    public var id: Int64?
    /// The check's key (`group/name` or `name`).
    public var check: String
    public var sampledAt: Date
    public var isUp: Bool
    public var latencyMilliseconds: Double?
    public var conditionResults: [ConditionResult]
    /// Why the probe failed when it could not even be judged (DNS, refused, TLS, timeout, exit).
    public var error: String?

    public init(
        id: Int64? = nil, check: String, sampledAt: Date, isUp: Bool, latencyMilliseconds: Double?,
        conditionResults: [ConditionResult], error: String?
    ) {
        self.id = id
        self.check = check
        self.sampledAt = sampledAt
        self.isUp = isUp
        self.latencyMilliseconds = latencyMilliseconds
        self.conditionResults = conditionResults
        self.error = error
    }

    public var failedConditions: [ConditionResult] { conditionResults.filter { !$0.passed } }

    /// One line of evidence: the error, then each failed condition with its resolved values.
    public var evidence: String {
        var parts: [String] = []
        if let error { parts.append(error) }
        parts += failedConditions.map(\.resolved)
        return parts.isEmpty ? "all conditions passed" : parts.joined(separator: "; ")
    }
}
