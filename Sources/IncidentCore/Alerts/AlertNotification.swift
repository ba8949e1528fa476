import Foundation

/// What a receiver was told, in one shape for every source: the group the alerts belong to and
/// each alert's state. Decoded and validated before the store sees it, so a bad payload writes nothing.
public struct AlertNotification: Sendable, Equatable {
    public var source: AlertSource
    /// What dedups: Alertmanager's `groupKey`, PagerDuty's `dedup_key`, the webhook's `dedup`.
    public var groupKey: String
    /// The route key config matches: Alertmanager's `receiver`, PagerDuty's `routing_key`, the
    /// webhook's `?route=`.
    public var routeKey: String?
    /// A title for a new incident, from the payload (summary, alertname, title).
    public var title: String
    /// Labels shared by every alert of the group, where severity and service are looked up.
    public var commonLabels: [String: String]
    /// A severity the sender named directly (PagerDuty, webhook), read before the label.
    public var severityName: String?
    public var service: String?
    /// Free text worth keeping with the entry (description, message).
    public var message: String?
    /// Where the sender's own view of the group lives (Alertmanager's externalURL).
    public var externalURL: String?
    public var alerts: [AlertInstance]

    public init(
        source: AlertSource, groupKey: String, routeKey: String? = nil, title: String,
        commonLabels: [String: String] = [:], severityName: String? = nil, service: String? = nil,
        message: String? = nil, externalURL: String? = nil, alerts: [AlertInstance]
    ) {
        self.source = source
        self.groupKey = groupKey
        self.routeKey = routeKey
        self.title = title
        self.commonLabels = commonLabels
        self.severityName = severityName
        self.service = service
        self.message = message
        self.externalURL = externalURL
        self.alerts = alerts
    }

    /// The earliest start among the firing alerts: when the problem was detected.
    public var detectedAt: Date? {
        alerts.filter(\.state.isActive).compactMap(\.startsAt).min()
    }

    public var hasActiveAlerts: Bool { alerts.contains { $0.state.isActive } }
}
