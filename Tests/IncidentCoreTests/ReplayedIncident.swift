import Foundation
import GRDB

@testable import IncidentCore

/// A realistic incident, alert to close in a little over two hours, replayed with event times:
/// a late-logged page, a runbook, a severity change, a rollback, a shift handoff with command,
/// action items and a secret pasted into a note.
enum ReplayedIncident {
    static func record(in fixture: StoreFixture) throws -> String {
        let store = fixture.store
        func at(_ time: String, _ who: String) -> Attribution { fixture.at("2025-11-04T\(time):00Z", by: who) }
        let key = try store.declareIncident(
            IncidentDeclaration(
                title: "Checkout API returning 500s", severity: .p2, services: ["payments", "checkout"],
                summary: "Error rate on POST /checkout jumped to 18% after deploy 4512.", commander: "dana",
                detectedAt: Timestamp.parseOrFail("2025-11-04T09:58:00Z")),
            by: at("10:02", "dana")
        ).key
        _ = try store.appendNote(
            key: key, text: "PagerDuty: checkout 5xx rate above 5% for 2 minutes", kind: .note,
            by: at("09:58", "pagerduty"))
        _ = try store.changeStatus(key: key, move: .to(.acknowledged), note: nil, by: at("10:04", "dana"))
        _ = try store.assignRole(key: key, role: .scribe, person: "lee", by: at("10:05", "dana"))
        _ = try store.appendNote(
            key: key, text: "Error spike starts 09:57, one minute after deploy 4512 of checkout-api.", kind: .note,
            by: at("10:07", "lee"))
        _ = try store.changeStatus(key: key, move: .to(.investigating), note: nil, by: at("10:08", "dana"))
        _ = try store.assignRole(key: key, role: .responder, person: "omar", by: at("10:09", "dana"))
        _ = try store.appendNote(
            key: key, text: "Deploys today:\n- 4511 at 09:30\n- 4512 at 09:56 | canary skipped", kind: .note,
            by: at("10:10", "lee"))
        try runbookEntry(
            fixture, key: key, at: "10:12", kind: .runbookStep,
            text: "Runbook started: Checkout 5xx (runbooks/checkout-5xx.md, 3 steps)",
            details: ["action": "run-started", "run": "1", "runbook": "runbooks/checkout-5xx.md", "steps": "3"])
        try runbookEntry(
            fixture, key: key, at: "10:13", kind: .runbookStep, text: "Step 1/3 Check pool usage: exit 0 in 0.4s",
            details: [
                "run": "1", "step": "pool-usage", "number": "1", "outcome": "succeeded", "exitStatus": "0",
                "command": "psql -Atc 'select count(*) from pg_stat_activity' | tail -1",
            ])
        try runbookEntry(
            fixture, key: key, at: "10:13", kind: .commandOutput, text: "200\n",
            details: ["run": "1", "step": "pool-usage", "bytes": "4", "sha256": "ab12"])
        _ = try store.appendNote(
            key: key, text: "DB pool saturation on checkout-db-2: 200/200 connections in use.", kind: .note,
            by: at("10:15", "omar"))
        _ = try store.changeSeverity(key: key, to: .p1, note: "EU and US customers affected", by: at("10:18", "dana"))
        _ = try store.appendNote(
            key: key, text: "Status page updated: investigating elevated checkout errors.", kind: .comms,
            by: at("10:20", "dana"))
        _ = try store.appendNote(
            key: key, text: "Roll back deploy 4512 rather than raise the pool limit.", kind: .decision,
            by: at("10:24", "dana"))
        try runbookEntry(
            fixture, key: key, at: "10:25", kind: .runbookStep, text: "Step 2/3 Roll back: exit 0 in 41.2s",
            details: [
                "run": "1", "step": "rollback", "number": "2", "outcome": "succeeded", "exitStatus": "0",
                "command": "deployctl rollback checkout-api --to 4511",
            ])
        _ = try store.appendNote(
            key: key,
            text: "Rollback verified: curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln' "
                + "https://checkout/health returns 200; DB_PASSWORD=hunter2 was in the old env dump",
            kind: .note, by: at("10:31", "omar"))
        _ = try store.changeStatus(
            key: key, move: .to(.mitigated), note: "rollback complete; error rate under 1%", by: at("10:40", "dana"))
        _ = try store.createHandoff(
            HandoffRequest(to: "erin", notes: "Watch checkout-db-2 connections.", transfersCommand: true),
            by: at("10:45", "dana"))
        _ = try store.acknowledgeHandoff(id: nil, by: at("10:50", "erin"))
        _ = try store.updateField(
            key: key, field: .impact, value: "About 18% of checkout attempts failed with HTTP 500 for 42 minutes.",
            by: at("10:52", "lee"))
        _ = try store.updateField(
            key: key, field: .rootCause,
            value: "Deploy 4512 doubled the pool per pod | exhausting max_connections on checkout-db-2.",
            by: at("11:10", "erin"))
        _ = try store.addActionItem(
            key: key,
            draft: ActionItemDraft(
                title: "Add a canary stage to checkout-api deploys", owner: "omar", dueDate: "2025-11-18",
                priority: .high, category: .prevent), by: at("11:15", "erin"))
        _ = try store.addActionItem(
            key: key,
            draft: ActionItemDraft(
                title: "Alert on DB pool saturation above 90%", owner: "lee", dueDate: "2025-11-07", priority: .medium,
                category: .mitigate), by: at("11:16", "erin"))
        let runbookItem = try store.addActionItem(
            key: key,
            draft: ActionItemDraft(
                title: "Document the rollback in the checkout runbook", priority: .low, category: .process),
            by: at("11:17", "erin"))
        try runbookEntry(
            fixture, key: key, at: "11:30", kind: .runbookStep, text: "Step 3/3 Verify error rate: exit 0 in 2.0s",
            details: [
                "run": "1", "step": "verify", "number": "3", "outcome": "succeeded", "exitStatus": "0",
                "command": "curl -s https://metrics/api/checkout_5xx_rate",
            ])
        _ = try store.changeStatus(
            key: key, move: .to(.resolved), note: "error rate at baseline for 50 minutes", by: at("11:40", "erin"))
        _ = try store.updateField(
            key: key, field: .resolution, value: "Rolled back to 4511; the pool size change was reverted in 4513.",
            by: at("11:45", "erin"))
        _ = try store.completeActionItem(id: runbookItem.id!, by: at("12:00", "lee"))
        _ = try store.changeStatus(key: key, move: .to(.closed), note: nil, by: at("12:05", "erin"))
        return key
    }

    /// Runbook entries as the runbook engine writes them, appended through the store's own chain.
    static func runbookEntry(
        _ fixture: StoreFixture, key: String, at time: String, kind: TimelineKind, text: String,
        details: [String: String]
    ) throws {
        try append(to: fixture.store, key: key, at: time, kind: kind, text: text, details: details)
    }

    private static func append(
        to store: some StoreBackend, key: String, at time: String, kind: TimelineKind, text: String,
        details: [String: String]
    ) throws {
        try store.write { tx in
            var incident = try store.fetchIncident(tx, key: key)
            try store.appendEntry(
                tx, to: &incident, kind: kind, text: text, details: details, author: "omar",
                eventAt: Timestamp.parseOrFail("2025-11-04T\(time):00Z"), recordedAt: store.now())
        }
    }
}
