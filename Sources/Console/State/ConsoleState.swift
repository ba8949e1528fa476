import Foundation
import IncidentCore
import TerminalUI

/// Everything the console shows, as plain values. Views render it; only the reducer changes it.
public struct ConsoleState: Equatable, Sendable {
    public var size: Size
    /// The clock as of the last tick: time is an input, never read inside the reducer or views.
    public var now: Date
    public var user: String
    public var databasePath: String
    /// The user's home folder, so the status bar can show the database path as `~/…`.
    public var homeFolder: String
    public var incidents: [IncidentSummary] = []
    public var showAllIncidents = false
    public var incidentList = ListViewState()
    public var filter = ""
    public var focus: ConsolePane = .incidents
    public var timeline = TimelineWindow.empty
    public var mode = ConsoleMode.normal
    public var notice: Notice?
    /// Why the store does not answer, while it does not: the status bar says so, and what is on
    /// screen stays as last read.
    public var storeProblem: String?
    /// Show timeline times in the local zone (offset in seconds) instead of UTC.
    public var showLocalTime = false
    public var localOffsetSeconds: Int
    /// Set when a theme file could not be used, so the user sees why the colours are default.
    public var themeNotice: String?
    public var quitRequested = false
    /// An incident to select once the list next loads (the one just declared).
    public var pendingSelection: String?
    /// Runbook progress of the selected incident and the pending handoff.
    public var context = IncidentContext(key: nil, runbook: nil, pendingHandoff: nil)
    /// Configured checks and their damped states; empty when none are configured.
    public var health: [HealthCheckStatus] = []
    public var healthList = ListViewState()
    /// Runbook names for completion and the run driven from the runbook pane.
    public var runbooks = RunbookConsole()

    public init(
        size: Size, now: Date, user: String, databasePath: String, homeFolder: String = "",
        localOffsetSeconds: Int = 0, themeNotice: String? = nil
    ) {
        self.size = size
        self.now = now
        self.user = user
        self.databasePath = databasePath
        self.homeFolder = homeFolder
        self.localOffsetSeconds = localOffsetSeconds
        self.themeNotice = themeNotice
        if let themeNotice { notice = Notice(themeNotice, level: .error, now: now) }
    }

    /// The incidents the filter lets through, in list order.
    public var visibleIncidents: [IncidentSummary] {
        let needle = filter.lowercased()
        guard !needle.isEmpty else { return incidents }
        return incidents.filter { summary in
            let incident = summary.incident
            let haystack =
                [incident.key, incident.title, incident.severity.rawValue, incident.status.rawValue]
                + summary.services + [summary.commander ?? ""]
            return haystack.contains { $0.lowercased().contains(needle) }
        }
    }

    public var selectedIncident: IncidentSummary? {
        let visible = visibleIncidents
        guard let index = incidentList.selection, visible.indices.contains(index) else { return nil }
        return visible[index]
    }

    public var layout: ConsoleLayout { ConsoleLayout(size: size, runbookExpanded: runbooks.run != nil) }
}
