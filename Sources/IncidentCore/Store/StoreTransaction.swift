import Foundation

/// What a backend does inside one transaction: persist and read rows, nothing else. Every rule,
/// entry text and hash is decided above it (`StoreBackend`'s extensions), so SQLite and
/// PostgreSQL cannot drift apart in what they record.
public protocol StoreTransaction {
    // MARK: Incidents

    /// The incident with this (already upper-cased) key. In a write transaction a backend that
    /// lets writers run side by side locks the row, so the chain head read is the one extended.
    func incident(key: String) throws -> Incident?
    func incident(id: Int64) throws -> Incident?
    /// The greatest key starting with `prefix`, longest first (`…-1000` after `…-999`).
    func lastKey(withPrefix prefix: String) throws -> String?
    /// Inserts the incident and sets its id.
    func insert(_ incident: inout Incident) throws
    /// Saves the incident's changed fields (at least those that differ from `original`), not the chain head.
    func update(_ incident: Incident, from original: Incident) throws
    func addServices(_ services: [String], incidentId: Int64) throws
    func addTags(_ tags: [String], incidentId: Int64) throws
    /// Inserts a fully built (hashed) entry and sets its id.
    func insert(_ entry: inout TimelineEntry) throws
    /// Saves the incident's timeline count, head hash and newest event time.
    func saveChainHead(of incident: Incident) throws
    /// Incidents with their current commander and services, by severity, declaration and id.
    func summaries(activeOnly: Bool) throws -> [IncidentSummary]
    /// Every incident, oldest first.
    func allIncidents() throws -> [Incident]
    func services(incidentId: Int64) throws -> [String]
    func tags(incidentId: Int64) throws -> [String]
    func roles(incidentId: Int64) throws -> [RoleAssignment]
    /// Entries from `fromSequence` on, in sequence order; `limit` nil means all.
    func timeline(incidentId: Int64, fromSequence: Int, limit: Int?) throws -> [TimelineEntry]
    /// Every entry in sequence (then id) order, one at a time, for the chain check.
    func forEachEntry(incidentId: Int64, _ body: (TimelineEntry) throws -> Void) throws
    /// Open incidents linked to `service`, oldest first.
    func activeIncidents(service: String) throws -> [Incident]

    // MARK: Roles and action items

    /// Who holds `role` now (no end time).
    func currentHolders(incidentId: Int64, role: Role) throws -> [RoleAssignment]
    func insert(_ assignment: inout RoleAssignment) throws
    func update(_ assignment: RoleAssignment) throws
    func actionItem(id: Int64) throws -> ActionItem?
    func insert(_ item: inout ActionItem) throws
    func update(_ item: ActionItem) throws
    func actionItems(incidentId: Int64) throws -> [ActionItem]
    /// Open items first, then by due date (none last), priority and id.
    func actionItems(incidentId: Int64?, includeDone: Bool) throws -> [(incidentKey: String, item: ActionItem)]

    // MARK: Runbook runs

    func runbookRun(id: Int64) throws -> RunbookRun?
    /// The newest unfinished run of the runbook on the incident.
    func openRun(incidentId: Int64, runbookPath: String) throws -> RunbookRun?
    func runbookRuns(incidentId: Int64) throws -> [RunbookRun]
    func insert(_ run: inout RunbookRun) throws
    func update(_ run: RunbookRun) throws
    func stepRun(id: Int64) throws -> StepRun?
    func stepRuns(runId: Int64) throws -> [StepRun]
    func runningSteps(runId: Int64) throws -> [StepRun]
    func insert(_ step: inout StepRun) throws
    func update(_ step: StepRun) throws
    /// How many of the run's step records ended in each outcome.
    func stepOutcomeCounts(runId: Int64) throws -> [(outcome: String, count: Int)]

    // MARK: Handoffs

    /// Stores a handoff (its id is ignored) and returns the id it got.
    func insert(_ handoff: Handoff) throws -> Int64
    func handoff(id: Int64) throws -> Handoff?
    func newestPendingHandoff() throws -> Handoff?
    /// Newest first; nil means all.
    func handoffs(limit: Int?) throws -> [Handoff]
    func acknowledge(handoffId: Int64, at: Date, by person: String) throws
    /// Open incidents declared by `time`, with their current commander, by severity and declaration.
    func openIncidents(declaredBy time: Date) throws -> [(incident: Incident, commander: String?)]
    /// The newest `limit` entries with event time up to `time`, newest first.
    func recentEntries(incidentId: Int64, upTo time: Date, limit: Int) throws -> [TimelineEntry]
    /// Each check's newest sample up to `time`, by check name.
    func latestSamples(upTo time: Date) throws -> [HealthSample]
    /// The first failing sample after the check's last passing one, up to `time`.
    func downSince(check: String, upTo time: Date) throws -> Date?
    /// Runs still going that started by `time`, oldest first.
    func runningRuns(startedBy time: Date) throws -> [HandoffReport.RunningRunbook]

    // MARK: Statistics

    /// Incidents detected in the window, oldest detection first, with their services (reopens 0).
    func statsIncidents(in window: StatsWindow) throws -> [StatsIncident]
    /// How many reopening status entries each incident detected in the window has (none: absent).
    func reopenCounts(in window: StatsWindow) throws -> [(incidentId: Int64, count: Int)]
    /// Open action items of incidents detected in the window.
    func openActionItems(in window: StatsWindow) throws -> [StatsOpenAction]
    /// Step records of runs on incidents detected in the window, counted by incident and outcome.
    func stepOutcomeCounts(in window: StatsWindow) throws -> [StatsStepCount]
    /// Every service name any incident is on, sorted.
    func serviceNames() throws -> [String]

    // MARK: Alerts

    /// The newest incident opened for the alert group, with each fingerprint's recorded state.
    func alertGroup(key: String) throws -> (incidentId: Int64, states: [String: AlertState])?
    /// Links a newly declared incident to the alert group that opened it.
    func linkAlertGroup(key: String, source: AlertSource, incidentId: Int64, at time: Date) throws
    /// Saves each fingerprint's state for the incident (inserting or replacing).
    func saveAlertStates(_ states: [String: AlertState], incidentId: Int64) throws

    // MARK: Health

    func insert(_ sample: HealthSample, conditionResults: String) throws
    func insert(_ transition: HealthTransition) throws
    /// Drops the check's samples older than `oldest`, then all but the newest `keeping`.
    func trimSamples(check: String, olderThan oldest: Date, keeping: Int) throws
    /// The newest `limit` samples, newest first.
    func samples(check: String, limit: Int) throws -> [HealthSample]
    func lastHealthStates() throws -> [String: (state: HealthState, since: Date)]
}
