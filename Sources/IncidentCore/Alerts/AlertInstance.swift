import Foundation

/// One alert inside a notification, whatever the receiver: Alertmanager's `alerts[]` item, or the
/// single alert a PagerDuty event or webhook call describes.
public struct AlertInstance: Sendable, Equatable {
    /// What identifies the alert within its group across re-sends: Alertmanager's fingerprint,
    /// otherwise the dedup key.
    public var fingerprint: String
    public var state: AlertState
    public var labels: [String: String]
    public var annotations: [String: String]
    public var startsAt: Date?
    public var endsAt: Date?
    /// Where the sender says to look (generatorURL, a PagerDuty link, the webhook's link).
    public var link: String?

    public init(
        fingerprint: String, state: AlertState, labels: [String: String] = [:], annotations: [String: String] = [:],
        startsAt: Date? = nil, endsAt: Date? = nil, link: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.state = state
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.link = link
    }

    /// `alertname{instance="db-1", severity="critical"}`: the labels as Prometheus writes them,
    /// alertname first, the rest sorted, so the same alert always reads the same.
    public var labelText: String {
        let name = labels["alertname"] ?? ""
        let rest = labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }
        if rest.isEmpty { return name.isEmpty ? fingerprint : name }
        return name + "{" + rest.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ") + "}"
    }
}
