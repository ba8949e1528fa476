import Foundation

/// Prometheus Alertmanager's webhook body (`version: "4"`), exactly the fields it sends.
public struct AlertmanagerPayload: Decodable, Sendable {
    public struct Alert: Decodable, Sendable {
        public var status: String
        public var labels: [String: String]
        public var annotations: [String: String]?
        public var startsAt: String?
        public var endsAt: String?
        public var generatorURL: String?
        public var fingerprint: String?
    }

    public var version: String
    public var groupKey: String
    public var status: String
    public var receiver: String?
    public var groupLabels: [String: String]?
    public var commonLabels: [String: String]?
    public var commonAnnotations: [String: String]?
    public var externalURL: String?
    public var alerts: [Alert]

    /// Decodes and validates a body; the notification is only made from a payload that holds.
    public static func notification(from body: Data) throws(AlertPayloadError) -> AlertNotification {
        try AlertJSON.decode(AlertmanagerPayload.self, from: body).notification()
    }

    public func notification() throws(AlertPayloadError) -> AlertNotification {
        guard version == "4" else {
            throw AlertPayloadError("unknown webhook version \"\(version)\"; sitrep reads Alertmanager's version 4")
        }
        guard !groupKey.isEmpty else { throw AlertPayloadError("`groupKey` is empty") }
        guard Self.state(status) != nil else {
            throw AlertPayloadError("`status` must be firing or resolved, not \"\(status)\"")
        }
        guard !alerts.isEmpty else { throw AlertPayloadError("`alerts` is empty") }
        var instances: [AlertInstance] = []
        for (index, alert) in alerts.enumerated() {
            guard let state = Self.state(alert.status) else {
                throw AlertPayloadError("`alerts[\(index)].status` must be firing or resolved, not \"\(alert.status)\"")
            }
            let instance = AlertInstance(
                fingerprint: alert.fingerprint.flatMap { $0.isEmpty ? nil : $0 }
                    ?? AlertInstance(fingerprint: "", state: state, labels: alert.labels).labelText,
                state: state, labels: alert.labels, annotations: alert.annotations ?? [:],
                startsAt: try AlertJSON.time(alert.startsAt, field: "alerts[\(index)].startsAt"),
                endsAt: try AlertJSON.time(alert.endsAt, field: "alerts[\(index)].endsAt"),
                link: alert.generatorURL.flatMap { $0.isEmpty ? nil : $0 })
            instances.append(instance)
        }
        let common = commonLabels ?? [:]
        let annotations = commonAnnotations ?? [:]
        let first = instances[0]
        let title =
            [
                annotations["summary"], common["alertname"], groupLabels?["alertname"], first.annotations["summary"],
                first.labels["alertname"],
            ].compactMap { $0 }.first { !$0.isEmpty } ?? groupKey
        return AlertNotification(
            source: .alertmanager, groupKey: groupKey, routeKey: receiver, title: title, commonLabels: common,
            message: annotations["description"], externalURL: externalURL.flatMap { $0.isEmpty ? nil : $0 },
            alerts: instances)
    }

    static func state(_ word: String) -> AlertState? {
        switch word {
        case "firing": .firing
        case "resolved": .resolved
        default: nil
        }
    }
}
