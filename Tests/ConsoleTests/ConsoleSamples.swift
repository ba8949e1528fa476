import Foundation
import IncidentCore
import TerminalUI

@testable import Console

/// Fixed incidents and timelines for reducer and screen tests: no database, no clock.
enum ConsoleSamples {
    static let now = Timestamp.parse("2025-11-04T10:50:00Z")!

    static func time(_ text: String) -> Date { Timestamp.parse(text)! }

    static func incident(
        _ number: Int, _ title: String, severity: Severity, status: IncidentStatus, declared: String, entries: Int = 0
    ) -> Incident {
        Incident(
            id: Int64(number), key: String(format: "INC-20251104-%03d", number), title: title, severity: severity,
            status: status, summary: "", impact: "", rootCause: "", resolution: "", isDrill: false, createdBy: "dana",
            detectedAt: time(declared), declaredAt: time(declared),
            acknowledgedAt: status == .detected ? nil : time(declared).addingTimeInterval(180), mitigatedAt: nil,
            resolvedAt: nil, closedAt: nil, lastEntryAt: time(declared), timelineCount: entries,
            timelineHead: TimelineHasher.genesis)
    }

    static let incidents: [IncidentSummary] = [
        IncidentSummary(
            incident: incident(
                1, "Checkout API returning 500s", severity: .p1, status: .investigating,
                declared: "2025-11-04T10:00:00Z", entries: 6),
            commander: "dana", services: ["checkout"]),
        IncidentSummary(
            incident: incident(
                2, "Search results slow for some users in eu-west", severity: .p3, status: .detected,
                declared: "2025-11-04T10:25:00Z", entries: 2),
            commander: nil, services: ["search"]),
        IncidentSummary(
            incident: incident(
                3, "Payments webhook backlog", severity: .p2, status: .mitigated, declared: "2025-11-04T08:10:00Z",
                entries: 3),
            commander: "omar", services: ["payments"]),
    ]

    static func entry(_ sequence: Int, _ at: String, _ author: String, _ kind: TimelineKind, _ text: String)
        -> TimelineEntry
    {
        TimelineEntry(
            id: Int64(sequence), incidentId: 1, sequence: sequence, kind: kind, author: author, eventAt: time(at),
            recordedAt: time(at), text: text, details: "{}", previousHash: "", hash: "")
    }

    static let timeline: [TimelineEntry] = [
        entry(
            1, "2025-11-04T10:00:00Z", "pagerduty", .status,
            "Declared P2 incident on checkout: Checkout API returning 500s"),
        entry(2, "2025-11-04T10:03:00Z", "dana", .status, "Status detected → acknowledged"),
        entry(
            3, "2025-11-04T10:05:00Z", "lee", .note,
            "Error spike starts 10:03, one minute after deploy 4512 of checkout-api. DB pool on checkout-db-2 is at 200/200 connections and requests queue behind it."
        ),
        entry(4, "2025-11-04T10:12:00Z", "dana", .severity, "Severity P2 → P1: EU and US customers affected"),
        entry(5, "2025-11-04T10:20:00Z", "dana", .decision, "Roll back deploy 4512 rather than raise the pool limit."),
        entry(6, "2025-11-04T10:31:00Z", "omar", .note, "障害 resolved on canary hosts; error rate under 1%."),
    ]

    /// A console with the sample data loaded, as if the store had answered.
    static func loadedState(size: Size) -> ConsoleState {
        var state = ConsoleState(size: size, now: now, user: "alice", databasePath: "/var/lib/sitrep/sitrep.sqlite")
        _ = ConsoleReducer.apply(&state, .resized(size))
        _ = ConsoleReducer.apply(&state, .incidentsLoaded(incidents))
        _ = ConsoleReducer.apply(
            &state,
            .timelineLoaded(
                TimelinePage(key: "INC-20251104-001", request: .tail(limit: 200), totalCount: 6, entries: timeline)))
        return state
    }
}
