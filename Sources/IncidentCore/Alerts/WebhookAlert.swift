import Foundation

/// The plain receiver's body (`POST /webhook`) and what `sitrep alert` sends: one alert, keyed by
/// `dedup` (the title when absent), `state` alerting or ok.
public struct WebhookAlert: Codable, Sendable, Equatable {
    public var title: String
    public var severity: String?
    public var service: String?
    public var dedup: String?
    public var state: String
    public var message: String?
    public var link: String?

    public init(
        title: String, severity: String? = nil, service: String? = nil, dedup: String? = nil, state: String,
        message: String? = nil, link: String? = nil
    ) {
        self.title = title
        self.severity = severity
        self.service = service
        self.dedup = dedup
        self.state = state
        self.message = message
        self.link = link
    }

    public static func notification(from body: Data, route: String?) throws(AlertPayloadError) -> AlertNotification {
        try AlertJSON.decode(WebhookAlert.self, from: body).notification(route: route)
    }

    public func notification(route: String?) throws(AlertPayloadError) -> AlertNotification {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw AlertPayloadError("`title` is empty") }
        let alertState: AlertState
        switch state {
        case "alerting": alertState = .firing
        case "ok": alertState = .resolved
        default: throw AlertPayloadError("`state` must be alerting or ok, not \"\(state)\"")
        }
        let key = dedup.flatMap { $0.isEmpty ? nil : $0 } ?? title
        var labels = ["alertname": title]
        labels["severity"] = severity
        labels["service"] = service
        let alert = AlertInstance(
            fingerprint: key, state: alertState, labels: labels, annotations: message.map { ["message": $0] } ?? [:],
            link: link)
        return AlertNotification(
            source: .webhook, groupKey: key, routeKey: route, title: title, commonLabels: labels,
            severityName: severity, service: service, message: message, alerts: [alert])
    }
}
