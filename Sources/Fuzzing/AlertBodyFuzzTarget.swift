import Foundation
import IncidentCore

/// A request body to one of `sitrep serve`'s receivers (the first byte picks which): it is read
/// into a notification and planned as an incident, or refused with a reason for the 400 answer.
public struct AlertBodyFuzzTarget: FuzzTarget {
    public static let name = "webhook"
    let settings: ServeSettings

    public init() {
        var settings = ServeSettings()
        settings.routes = [AlertRoute(key: "checkout", service: "checkout", severity: .p1, runbook: "restart")]
        settings.severities = ["critical": .p1, "warning": .p3]
        self.settings = settings
    }

    public mutating func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let body = Data(input.dropFirst())
        let notification: AlertNotification
        do {
            switch selector % 3 {
            case 0: notification = try AlertmanagerPayload.notification(from: body)
            case 1: notification = try PagerDutyEvent.notification(from: body) { "generated-key" }
            default:
                notification = try WebhookAlert.notification(from: body, route: selector % 2 == 0 ? "checkout" : nil)
            }
        } catch {
            precondition(!error.reason.isEmpty, "a body is refused without a reason")
            return
        }
        precondition(!notification.groupKey.isEmpty, "a notification has no group key")
        let plan = settings.plan(for: notification)
        precondition(plan.runbook == nil, "a runbook was found with no runbook folders")
    }
}
