/// One endpoint from a Gatus-format `endpoints:` list, with sitrep's `service:` and `command:`.
public struct HealthCheck: Sendable, Equatable {
    public var name: String
    public var group: String?
    public var target: CheckTarget
    public var method: String
    public var headers: [String: String]
    public var body: String?
    /// Seconds between probes (Gatus's default is 60 s).
    public var interval: Double
    /// Seconds a probe may take before it counts as a failure (Gatus's `client.timeout`, 10 s).
    public var timeout: Double
    /// Accept any certificate (Gatus's `client.insecure`), for self-signed internal services.
    public var insecure: Bool
    public var conditions: [HealthCondition]
    /// Consecutive failures before the check turns down (Gatus's `failure-threshold`, default 3).
    public var failureThreshold: Int
    /// Consecutive successes before a down check turns up again (`success-threshold`, default 2).
    public var successThreshold: Int
    /// Links the check to incidents declared with `--service`, whose timelines get its changes.
    public var service: String?
    /// Where the endpoint is defined, for messages.
    public var line: Int?

    public init(
        name: String, group: String? = nil, target: CheckTarget, method: String = "GET",
        headers: [String: String] = [:],
        body: String? = nil, interval: Double = 60, timeout: Double = 10, insecure: Bool = false,
        conditions: [HealthCondition] = [], failureThreshold: Int = 3, successThreshold: Int = 2,
        service: String? = nil, line: Int? = nil
    ) {
        self.name = name
        self.group = group
        self.target = target
        self.method = method
        self.headers = headers
        self.body = body
        self.interval = interval
        self.timeout = timeout
        self.insecure = insecure
        self.conditions = conditions
        self.failureThreshold = failureThreshold
        self.successThreshold = successThreshold
        self.service = service
        self.line = line
    }

    /// `group/name` when grouped, as Gatus keys endpoints; samples are stored under it.
    public var key: String { group.map { "\($0)/\(name)" } ?? name }
}
