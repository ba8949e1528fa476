import Foundation

/// Where every alert lands, whichever way it came (`sitrep serve`'s receivers, `sitrep alert`):
/// the route's plan from config, then one store write that declares, updates or dedups.
public struct AlertIntake: Sendable {
    public let store: any SitrepStore
    public let settings: ServeSettings
    public let runbooks: RunbookLibrary

    public init(store: any SitrepStore, settings: ServeSettings, runbooks: RunbookLibrary) {
        self.store = store
        self.settings = settings
        self.runbooks = runbooks
    }

    public func receive(_ notification: AlertNotification) throws -> AlertOutcome {
        let plan = settings.plan(for: notification) { name in
            Result { try RunbookParser.parse(fileAt: try runbooks.resolve(name)) }
        }
        return try store.recordAlert(notification, plan: plan)
    }
}
