/// Which receiver an alert came through. Raw values are stored with dedup keys and sign the
/// timeline entries, so never rename one.
public enum AlertSource: String, Sendable, Codable, CaseIterable {
    case alertmanager
    case pagerduty
    /// The plain `POST /webhook` receiver and `sitrep alert`: one namespace, so a cron job and a
    /// script sending the same `dedup` land on the same incident.
    case webhook

    /// The name entries and incidents from this source are signed with.
    public var author: String { rawValue }

    /// How an entry names the sender.
    public var title: String {
        switch self {
        case .alertmanager: "Alertmanager"
        case .pagerduty: "PagerDuty event"
        case .webhook: "Webhook"
        }
    }
}
