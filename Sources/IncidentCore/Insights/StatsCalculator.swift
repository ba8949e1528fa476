import Foundation

/// Turns the store's records into the figures. Pure: the same records and query always give the
/// same stats, and nothing is estimated (an incident lacking a milestone is left out of that
/// metric, which says how many it covers).
public enum StatsCalculator {
    /// Where incidents on no service are counted when grouping by service.
    public static let noService = "(none)"

    public static func compute(_ records: StatsRecords, query: StatsQuery) -> IncidentStats {
        let matching = records.incidents.filter { incident in
            (query.service.map { incident.services.contains($0) } ?? true)
                && (query.severity.map { incident.severity == $0 } ?? true)
        }
        let kept = query.includeDrills ? matching : matching.filter { !$0.isDrill }
        let ids = Set(kept.map(\.id))
        let bySeverity = Severity.allCases.map { severity in
            IncidentStats.SeverityCount(
                severity: severity.rawValue, incidents: kept.count { $0.severity == severity })
        }
        let reopened = kept.count { $0.reopens > 0 }
        let rate = kept.isEmpty ? nil : (Double(reopened) / Double(kept.count) * 10_000).rounded() / 10_000
        let periodGrouping: StatsGrouping = query.grouping == .month ? .month : .week
        return IncidentStats(
            scope: query.scope, since: Timestamp.iso(query.window.from), until: Timestamp.iso(query.window.before),
            asOf: Timestamp.iso(query.asOf), service: query.service, severity: query.severity?.rawValue,
            drills: query.includeDrills, by: query.grouping.rawValue, incidents: kept.count,
            drillsLeftOut: matching.count - kept.count, bySeverity: bySeverity, metrics: metrics(kept),
            reopened: reopened, reopenRate: rate,
            incidentsPerPeriod: groups(kept, by: periodGrouping, window: query.window),
            groups: groups(kept, by: query.grouping, window: query.window),
            ttmBySeverity: Severity.allCases.map { severity in
                IncidentStats.SeveritySpread(
                    severity: severity.rawValue,
                    spread: StatsSpread(seconds: kept.filter { $0.severity == severity }.compactMap(ttm)))
            },
            actionItems: actionItems(records.openActions.filter { ids.contains($0.incidentId) }, asOf: query.asOf),
            runbookSteps: runbookSteps(records.stepCounts.filter { ids.contains($0.incidentId) }))
    }

    /// Seconds from detection to mitigation, when both were recorded.
    static func ttm(_ incident: StatsIncident) -> Int? {
        seconds(incident, from: .detected, to: .mitigated)
    }

    static func seconds(_ incident: StatsIncident, from: Milestone, to: Milestone) -> Int? {
        guard let start = incident.time(of: from), let end = incident.time(of: to) else { return nil }
        return Int(max(0, end.timeIntervalSince(start)).rounded())
    }

    /// TTD, TTA, TTM and TTR exactly as the postmortem draft measures them.
    static func metrics(_ incidents: [StatsIncident]) -> [IncidentStats.Metric] {
        PostmortemBuilder.metricSpans.map { span in
            IncidentStats.Metric(
                abbreviation: span.abbreviation, name: span.name, from: span.from.rawValue, to: span.to.rawValue,
                spread: StatsSpread(seconds: incidents.compactMap { seconds($0, from: span.from, to: span.to) }))
        }
    }

    static func groups(_ incidents: [StatsIncident], by grouping: StatsGrouping, window: StatsWindow)
        -> [IncidentStats.Group]
    {
        var members: [String: [StatsIncident]] = [:]
        for incident in incidents {
            for key in keys(of: incident, by: grouping) { members[key, default: []].append(incident) }
        }
        let keys: [String]
        switch grouping {
        case .week, .month: keys = StatsPeriods.keys(covering: window, by: grouping)
        case .severity: keys = Severity.allCases.map(\.rawValue)
        case .service:
            keys = members.keys.sorted { lhs, rhs in
                (lhs == noService ? 1 : 0, lhs) < (rhs == noService ? 1 : 0, rhs)
            }
        }
        return keys.map { key in
            let group = members[key] ?? []
            return IncidentStats.Group(
                key: key, incidents: group.count, reopened: group.count { $0.reopens > 0 }, metrics: metrics(group))
        }
    }

    static func keys(of incident: StatsIncident, by grouping: StatsGrouping) -> [String] {
        switch grouping {
        case .week, .month: [StatsPeriods.key(of: incident.detectedAt, by: grouping)]
        case .severity: [incident.severity.rawValue]
        case .service: incident.services.isEmpty ? [noService] : incident.services
        }
    }

    static func actionItems(_ items: [StatsOpenAction], asOf: Date) -> IncidentStats.ActionItems {
        let today = Timestamp.day(asOf)
        func isOverdue(_ item: StatsOpenAction) -> Bool { item.dueDate.map { $0 < today } ?? false }
        var byOwner: [String?: (open: Int, overdue: Int)] = [:]
        for item in items {
            byOwner[item.owner, default: (0, 0)].open += 1
            if isOverdue(item) { byOwner[item.owner, default: (0, 0)].overdue += 1 }
        }
        let owners = byOwner.map {
            IncidentStats.OwnerCount(owner: $0.key, open: $0.value.open, overdue: $0.value.overdue)
        }
        .sorted { lhs, rhs in
            (lhs.owner == nil ? 1 : 0, -lhs.open, lhs.owner ?? "") < (
                rhs.owner == nil ? 1 : 0, -rhs.open, rhs.owner ?? ""
            )
        }
        return IncidentStats.ActionItems(open: items.count, overdue: items.count(where: isOverdue), byOwner: owners)
    }

    static func runbookSteps(_ counts: [StatsStepCount]) -> IncidentStats.RunbookSteps {
        var byOutcome: [String: Int] = [:]
        for count in counts { byOutcome[count.outcome, default: 0] += count.count }
        func sum(_ outcomes: [StepOutcome]) -> Int { outcomes.reduce(0) { $0 + (byOutcome[$1.rawValue] ?? 0) } }
        let ran = sum([.ran, .done])
        let failed = sum([.failed, .timedOut, .cancelled, .interrupted])
        let skipped = sum([.skipped])
        let total = byOutcome.values.reduce(0, +)
        return IncidentStats.RunbookSteps(
            ran: ran, failed: failed, skipped: skipped, other: total - ran - failed - skipped, byOutcome: byOutcome)
    }
}
