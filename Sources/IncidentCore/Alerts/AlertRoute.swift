/// One `serve.routes` entry: alerts arriving under `key` (Alertmanager's receiver name,
/// PagerDuty's routing_key, the webhook's `?route=`) open incidents on this service, at this
/// severity when the alert names none, with this runbook attached.
public struct AlertRoute: Sendable, Equatable {
    public var key: String
    public var service: String?
    public var severity: Severity?
    /// A runbook name or path, looked up in the runbook folders when an incident is declared.
    public var runbook: String?

    public init(key: String, service: String? = nil, severity: Severity? = nil, runbook: String? = nil) {
        self.key = key
        self.service = service
        self.severity = severity
        self.runbook = runbook
    }
}
