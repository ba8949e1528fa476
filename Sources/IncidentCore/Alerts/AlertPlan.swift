/// What a notification becomes if it opens an incident, decided from config before the store
/// is touched: the store only persists it.
public struct AlertPlan: Sendable, Equatable {
    public var title: String
    public var severity: Severity
    public var service: String?
    /// The parsed runbook to attach to a new incident (never run: a person confirms every step).
    public var runbook: Runbook?
    /// Why the route's runbook could not be attached, recorded instead of failing the alert.
    public var runbookProblem: String?
    /// Move the incident to mitigated once every alert it holds has resolved.
    public var mitigateWhenResolved: Bool

    public init(
        title: String, severity: Severity, service: String? = nil, runbook: Runbook? = nil,
        runbookProblem: String? = nil, mitigateWhenResolved: Bool = false
    ) {
        self.title = title
        self.severity = severity
        self.service = service
        self.runbook = runbook
        self.runbookProblem = runbookProblem
        self.mitigateWhenResolved = mitigateWhenResolved
    }
}
