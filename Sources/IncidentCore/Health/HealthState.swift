/// A check's damped state: it changes only after the configured run of failures or successes.
public enum HealthState: String, Sendable, Codable, CaseIterable {
    case unknown
    case up
    case down
}
