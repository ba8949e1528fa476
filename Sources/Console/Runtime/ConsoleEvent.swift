import Foundation
import IncidentCore
import TerminalUI

/// Everything that can happen to the console: keys, the terminal, the clock, and results of
/// effects. `ConsoleReducer.apply` is the only place these change state.
public enum ConsoleEvent: Equatable, Sendable {
    case key(KeyPress)
    case resized(Size)
    case tick(Date)
    case incidentsLoaded([IncidentSummary])
    case timelineLoaded(TimelinePage)
    case contextLoaded(IncidentContext)
    /// The health monitor's latest view of every check.
    case healthUpdated([HealthCheckStatus])
    /// Another process (or this one) committed to the database.
    case storeChanged
    /// The store stopped answering (why), or answers again (nil): a shared server went away.
    case storeConnection(String?)
    case actionSucceeded(message: String, selectKey: String?)
    case actionFailed(String)
    case runbook(RunbookEvent)
    case handoff(HandoffEvent)
    case insightsLoaded(IncidentStats)
    /// The store refused the Insights query (an unknown service) or could not answer.
    case insightsFailed(String)
}
