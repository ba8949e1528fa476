import Foundation

/// The text and details of an `alert` timeline entry: what started firing, was acknowledged or
/// resolved, with each alert's labels, so the console and the postmortem say what the pager saw.
public enum AlertEntry {
    public static func text(source: AlertSource, changes: AlertChanges, previousKey: String?) -> String {
        var parts: [String] = []
        func add(_ word: String, _ alerts: [AlertInstance]) {
            guard !alerts.isEmpty else { return }
            parts.append("\(alerts.count) \(word): " + alerts.map(\.labelText).joined(separator: ", "))
        }
        add("firing", changes.started)
        add("acknowledged", changes.acknowledged)
        add("resolved", changes.resolved)
        var text = "\(source.title): " + parts.joined(separator: "; ")
        if let previousKey { text += " (fired again after \(previousKey) was closed)" }
        return text
    }

    public static func details(
        notification: AlertNotification, changes: AlertChanges, previousKey: String?
    ) -> [String: String] {
        var details = ["source": notification.source.rawValue, "groupKey": notification.groupKey]
        details["firing"] = changes.started.isEmpty ? nil : String(changes.started.count)
        details["acknowledged"] = changes.acknowledged.isEmpty ? nil : String(changes.acknowledged.count)
        details["resolved"] = changes.resolved.isEmpty ? nil : String(changes.resolved.count)
        details["alerts"] = alertsJSON(changes.started + changes.acknowledged + changes.resolved)
        details["receiver"] = notification.routeKey
        details["externalURL"] = notification.externalURL
        details["message"] = notification.message
        details["previousIncident"] = previousKey
        return details
    }

    /// `[{"fingerprint":…,"labels":{…},"state":…}]`, sorted keys, for the details column.
    static func alertsJSON(_ alerts: [AlertInstance]) -> String {
        "["
            + alerts.map { alert in
                var fields: [String: AlertJSONValue] = [
                    "fingerprint": .string(alert.fingerprint), "state": .string(alert.state.rawValue),
                    "labels": .object(alert.labels.mapValues(AlertJSONValue.string)),
                ]
                if !alert.annotations.isEmpty {
                    fields["annotations"] = .object(alert.annotations.mapValues(AlertJSONValue.string))
                }
                if let startsAt = alert.startsAt { fields["startsAt"] = .string(Timestamp.iso(startsAt)) }
                if let endsAt = alert.endsAt { fields["endsAt"] = .string(Timestamp.iso(endsAt)) }
                if let link = alert.link { fields["link"] = .string(link) }
                return AlertJSONValue.object(fields).json
            }.joined(separator: ",") + "]"
    }
}
