import GRDB

/// The schema's history. A migration that has shipped is never edited: add a new one instead.
enum StoreMigrations {
    /// `PRAGMA application_id` of every sitrep database ("SITR"), so foreign files are recognised.
    static let applicationID: Int32 = 0x5349_5452

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-incidents") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "incident") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("key", .text).notNull().unique()
                table.column("title", .text).notNull()
                table.column("severity", .text).notNull()
                table.column("status", .text).notNull()
                table.column("summary", .text).notNull().defaults(to: "")
                table.column("impact", .text).notNull().defaults(to: "")
                table.column("rootCause", .text).notNull().defaults(to: "")
                table.column("resolution", .text).notNull().defaults(to: "")
                table.column("isDrill", .boolean).notNull().defaults(to: false)
                table.column("createdBy", .text).notNull()
                table.column("detectedAt", .datetime).notNull()
                table.column("declaredAt", .datetime).notNull()
                table.column("acknowledgedAt", .datetime)
                table.column("mitigatedAt", .datetime)
                table.column("resolvedAt", .datetime)
                table.column("closedAt", .datetime)
                table.column("lastEntryAt", .datetime).notNull()
                table.column("timelineCount", .integer).notNull().defaults(to: 0)
                table.column("timelineHead", .text).notNull()
            }
            try db.create(index: "incident_on_status", on: "incident", columns: ["status", "severity", "declaredAt"])
            try db.create(table: "incidentService") { table in
                table.belongsTo("incident", onDelete: .cascade).notNull()
                table.column("service", .text).notNull()
                table.primaryKey(["incidentId", "service"])
            }
            try db.create(index: "incidentService_on_service", on: "incidentService", columns: ["service"])
            try db.create(table: "timelineEntry") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("incident", onDelete: .restrict).notNull()
                table.column("sequence", .integer).notNull()
                table.column("kind", .text).notNull()
                table.column("author", .text).notNull()
                table.column("eventAt", .datetime).notNull()
                table.column("recordedAt", .datetime).notNull()
                table.column("text", .text).notNull()
                table.column("details", .text).notNull().defaults(to: "{}")
                table.column("previousHash", .text).notNull()
                table.column("hash", .text).notNull()
                table.uniqueKey(["incidentId", "sequence"])
            }
            try db.create(table: "roleAssignment") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("incident", onDelete: .cascade).notNull()
                table.column("role", .text).notNull()
                table.column("person", .text).notNull()
                table.column("assignedAt", .datetime).notNull()
                table.column("endedAt", .datetime)
            }
            try db.create(table: "actionItem") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("incident", onDelete: .cascade).notNull()
                table.column("title", .text).notNull()
                table.column("owner", .text)
                table.column("dueDate", .text)
                table.column("priority", .text).notNull()
                table.column("type", .text).notNull()
                table.column("status", .text).notNull()
                table.column("createdBy", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("completedBy", .text)
                table.column("completedAt", .datetime)
            }
        }
        migrator.registerMigration("v2-tags-handoffs-runbooks-health") { db in
            try db.create(table: "incidentTag") { table in
                table.belongsTo("incident", onDelete: .cascade).notNull()
                table.column("tag", .text).notNull()
                table.primaryKey(["incidentId", "tag"])
            }
            try db.create(
                index: "roleAssignment_on_incident_current", on: "roleAssignment", columns: ["incidentId", "endedAt"])
            try db.create(table: "handoff") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("fromPerson", .text).notNull()
                table.column("toPerson", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("notes", .text).notNull().defaults(to: "")
                table.column("report", .text).notNull()
                table.column("reportFormat", .text).notNull().defaults(to: "json")
                table.column("transfersCommand", .boolean).notNull().defaults(to: false)
                table.column("acknowledgedAt", .datetime)
                table.column("acknowledgedBy", .text)
            }
            try db.create(table: "runbookRun") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("incident", onDelete: .restrict).notNull()
                table.column("runbookPath", .text).notNull()
                table.column("runbookTitle", .text).notNull()
                table.column("contentHash", .text).notNull()
                table.column("startedBy", .text).notNull()
                table.column("startedAt", .datetime).notNull()
                table.column("variables", .text).notNull().defaults(to: "{}")
                table.column("state", .text).notNull()
                table.column("endedAt", .datetime)
            }
            try db.create(table: "stepRun") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("runbookRun", onDelete: .cascade).notNull()
                table.column("stepId", .text).notNull()
                table.column("title", .text).notNull()
                table.column("command", .text).notNull()
                table.column("outcome", .text).notNull()
                table.column("confirmedBy", .text)
                table.column("confirmedAt", .datetime)
                table.column("startedAt", .datetime)
                table.column("endedAt", .datetime)
                table.column("exitStatus", .integer)
                table.column("signal", .integer)
                table.column("outputHead", .blob)
                table.column("outputTail", .blob)
                table.column("outputBytes", .integer).notNull().defaults(to: 0)
                table.column("outputSHA256", .text)
            }
            try db.create(table: "healthSample") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("check", .text).notNull()
                table.column("sampledAt", .datetime).notNull()
                table.column("isUp", .boolean).notNull()
                table.column("latencyMilliseconds", .double)
                table.column("conditionResults", .text).notNull().defaults(to: "[]")
                table.column("error", .text)
            }
            try db.create(index: "healthSample_on_check_time", on: "healthSample", columns: ["check", "sampledAt"])
        }
        migrator.registerMigration("v3-runbooks") { db in
            try db.alter(table: "runbookRun") { table in
                table.add(column: "stepCount", .integer).notNull().defaults(to: 0)
            }
            try db.alter(table: "stepRun") { table in
                table.add(column: "stepNumber", .integer).notNull().defaults(to: 0)
                table.add(column: "workingDirectory", .text)
                table.add(column: "risk", .text).notNull().defaults(to: "medium")
                table.add(column: "durationMilliseconds", .integer)
                table.add(column: "note", .text)
                table.add(column: "continuedBy", .text)
            }
            try db.create(index: "runbookRun_on_incident_state", on: "runbookRun", columns: ["incidentId", "state"])
            try db.create(index: "stepRun_on_run", on: "stepRun", columns: ["runbookRunId", "stepNumber"])
        }
        migrator.registerMigration("v4-health") { db in
            try db.create(table: "healthTransition") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("check", .text).notNull()
                table.column("service", .text)
                table.column("fromState", .text).notNull()
                table.column("toState", .text).notNull()
                table.column("changedAt", .datetime).notNull()
                table.column("evidence", .text).notNull().defaults(to: "")
            }
            try db.create(index: "healthTransition_on_check", on: "healthTransition", columns: ["check", "id"])
        }
        // The step's process group and its leader's start time, so resuming can end the
        // processes of a step whose sitrep was killed, and only those.
        migrator.registerMigration("v5-step-process") { db in
            try db.alter(table: "stepRun") { table in
                table.add(column: "processGroup", .integer)
                table.add(column: "processStartTime", .integer)
            }
        }
        // Alert groups and each alert's state, so re-sent notifications dedup and a group that
        // fires again after its incident closed opens a new one.
        migrator.registerMigration("v6-alerts") { db in
            try db.create(table: "alertGroup") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("groupKey", .text).notNull()
                table.column("source", .text).notNull()
                table.belongsTo("incident", onDelete: .cascade).notNull()
                table.column("openedAt", .datetime).notNull()
            }
            try db.create(index: "alertGroup_on_key", on: "alertGroup", columns: ["groupKey", "id"])
            try db.create(table: "alertState") { table in
                table.belongsTo("incident", onDelete: .cascade).notNull()
                table.column("fingerprint", .text).notNull()
                table.column("state", .text).notNull()
                table.primaryKey(["incidentId", "fingerprint"])
            }
        }
        return migrator
    }
}
