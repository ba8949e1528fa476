import Foundation

/// A PagerDuty Events API v2 event (`POST /v2/enqueue`), validated as PagerDuty does, so that
/// senders written for PagerDuty work unchanged.
public struct PagerDutyEvent: Decodable, Sendable {
    public struct Payload: Decodable, Sendable {
        public var summary: String
        public var source: String
        public var severity: String
        public var timestamp: String?
        public var component: String?
        public var group: String?
        public var `class`: String?
        public var customDetails: AlertJSONValue?

        enum CodingKeys: String, CodingKey {
            case summary, source, severity, timestamp, component, group, `class`
            case customDetails = "custom_details"
        }
    }

    public struct Link: Decodable, Sendable {
        public var href: String
        public var text: String?
    }

    public struct Image: Decodable, Sendable {
        public var src: String
        public var href: String?
        public var alt: String?
    }

    public var routingKey: String
    public var eventAction: String
    public var dedupKey: String?
    public var payload: Payload?
    public var links: [Link]?
    public var images: [Image]?
    public var client: String?
    public var clientURL: String?

    enum CodingKeys: String, CodingKey {
        case routingKey = "routing_key"
        case eventAction = "event_action"
        case dedupKey = "dedup_key"
        case payload, links, images, client
        case clientURL = "client_url"
    }

    /// PagerDuty's own severities, which a `severity` mapping in config translates.
    public static let severities = ["critical", "error", "warning", "info"]
    /// PagerDuty refuses longer summaries and dedup keys.
    static let summaryLimit = 1024
    static let dedupKeyLimit = 255

    /// Decodes and validates; a trigger without `dedup_key` gets `newKey()`, which the answer
    /// returns so the sender can acknowledge or resolve it later.
    public static func notification(from body: Data, newKey: () -> String) throws(AlertPayloadError)
        -> AlertNotification
    {
        try AlertJSON.decode(PagerDutyEvent.self, from: body).notification(newKey: newKey)
    }

    /// `Runbook <https://…>, Graph <https://…>`: every link the sender gave, not just the first.
    static func linkText(_ links: [Link]?) -> String? {
        guard let links, !links.isEmpty else { return nil }
        return links.map { link in link.text.map { "\($0) <\(link.href)>" } ?? link.href }.joined(separator: ", ")
    }

    public func notification(newKey: () -> String) throws(AlertPayloadError) -> AlertNotification {
        guard !routingKey.isEmpty else { throw AlertPayloadError("`routing_key` is empty") }
        let state: AlertState
        switch eventAction {
        case "trigger": state = .firing
        case "acknowledge": state = .acknowledged
        case "resolve": state = .resolved
        default:
            throw AlertPayloadError(
                "`event_action` must be trigger, acknowledge or resolve, not \"\(eventAction)\"")
        }
        let key = dedupKey.flatMap { $0.isEmpty ? nil : $0 }
        if key == nil, state != .firing {
            throw AlertPayloadError("`dedup_key` is required to \(eventAction) an event")
        }
        if let key, key.count > Self.dedupKeyLimit {
            throw AlertPayloadError("`dedup_key` is longer than \(Self.dedupKeyLimit) characters")
        }
        let dedup = key ?? newKey()
        guard let payload else {
            if state == .firing { throw AlertPayloadError("`payload` is required to trigger an event") }
            return AlertNotification(
                source: .pagerduty, groupKey: dedup, routeKey: routingKey, title: dedup,
                alerts: [AlertInstance(fingerprint: dedup, state: state)])
        }
        let summary = payload.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !summary.isEmpty else { throw AlertPayloadError("`payload.summary` is empty") }
        guard summary.count <= Self.summaryLimit else {
            throw AlertPayloadError("`payload.summary` is longer than \(Self.summaryLimit) characters")
        }
        guard !payload.source.isEmpty else { throw AlertPayloadError("`payload.source` is empty") }
        guard Self.severities.contains(payload.severity) else {
            throw AlertPayloadError(
                "`payload.severity` must be critical, error, warning or info, not \"\(payload.severity)\"")
        }
        var labels = ["alertname": summary, "source": payload.source, "severity": payload.severity]
        labels["component"] = payload.component
        labels["group"] = payload.group
        labels["class"] = payload.class
        var annotations: [String: String] = [:]
        annotations["custom_details"] = payload.customDetails?.text
        if let images, !images.isEmpty { annotations["images"] = images.map(\.src).joined(separator: " ") }
        let alert = AlertInstance(
            fingerprint: dedup, state: state, labels: labels, annotations: annotations,
            startsAt: try AlertJSON.time(payload.timestamp, field: "payload.timestamp"),
            link: links?.first?.href ?? clientURL)
        return AlertNotification(
            source: .pagerduty, groupKey: dedup, routeKey: routingKey, title: summary, commonLabels: labels,
            severityName: payload.severity, service: payload.component,
            message: Self.linkText(links),
            alerts: [alert])
    }
}
