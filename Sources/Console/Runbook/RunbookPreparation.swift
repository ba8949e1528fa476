import IncidentCore

/// A runbook read for an incident before anything is written: the parsed file (which may have
/// problems), the unfinished run to resume if there is one, and the variables still to ask for.
public struct RunbookPreparation: Equatable, Sendable {
    public var incidentKey: String
    public var runbook: Runbook
    public var resumed: RunbookSession?
    public var missing: [RunbookVariable]
    /// The runbook's variables that the console's own environment sets: steps inherit them, and
    /// step cards show them as "(from environment)".
    public var inherited: [String: String]

    public init(
        incidentKey: String, runbook: Runbook, resumed: RunbookSession?, missing: [RunbookVariable],
        inherited: [String: String] = [:]
    ) {
        self.incidentKey = incidentKey
        self.runbook = runbook
        self.resumed = resumed
        self.missing = missing
        self.inherited = inherited
    }
}
