import Foundation
import GRDB

/// One SQLite transaction as the rules see it: rows in and out through GRDB, with the statements
/// run on every note prepared once per connection.
public struct SQLiteTransaction: StoreTransaction {
    let db: Database

    /// `('detected', …, 'mitigated')`: named rather than `NOT IN (resolved, closed)`, so SQLite
    /// reads the few open incidents through the status index instead of scanning every incident.
    static let activeStatusList =
        "(" + IncidentStatus.allCases.filter(\.isActive).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    /// What a note writes to the incident: only these, so its indexes stay untouched.
    static let chainColumns = ["timelineCount", "timelineHead", "lastEntryAt"]

    // MARK: Incidents

    public func incident(key: String) throws -> Incident? {
        // A cached statement: the query interface would generate and prepare the SQL on every note.
        let statement = try db.cachedStatement(sql: "SELECT * FROM incident WHERE key = ?")
        return try Incident.fetchOne(statement, arguments: [key])
    }

    public func incident(id: Int64) throws -> Incident? {
        try Incident.fetchOne(db, key: id)
    }

    public func lastKey(withPrefix prefix: String) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT key FROM incident WHERE key > ? AND key < ? ORDER BY length(key) DESC, key DESC LIMIT 1",
            arguments: [prefix, prefix + "~"])
    }

    public func insert(_ incident: inout Incident) throws {
        try incident.insert(db)
    }

    public func update(_ incident: Incident, from original: Incident) throws {
        try incident.updateChanges(db, from: original)
    }

    public func addServices(_ services: [String], incidentId: Int64) throws {
        for service in services {
            try db.cachedStatement(sql: "INSERT INTO incidentService (incidentId, service) VALUES (?, ?)")
                .execute(arguments: [incidentId, service])
        }
    }

    public func addTags(_ tags: [String], incidentId: Int64) throws {
        for tag in tags {
            try db.execute(
                sql: "INSERT INTO incidentTag (incidentId, tag) VALUES (?, ?)", arguments: [incidentId, tag])
        }
    }

    public func insert(_ entry: inout TimelineEntry) throws {
        try entry.insert(db)
    }

    public func saveChainHead(of incident: Incident) throws {
        try incident.update(db, columns: Self.chainColumns)
    }

    public func summaries(activeOnly: Bool) throws -> [IncidentSummary] {
        let filter = activeOnly ? "WHERE status IN \(Self.activeStatusList)" : ""
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT incident.*,
                  (SELECT person FROM roleAssignment
                    WHERE incidentId = incident.id AND role = 'commander' AND endedAt IS NULL
                    ORDER BY id DESC LIMIT 1) AS currentCommander,
                  (SELECT group_concat(service, char(31)) FROM incidentService
                    WHERE incidentId = incident.id) AS serviceList
                FROM incident \(filter)
                ORDER BY severity, declaredAt, id
                """)
        var summaries: [IncidentSummary] = []
        while let row = try rows.next() {
            let services = (row["serviceList"] as String?)?.split(separator: "\u{1F}").map(String.init) ?? []
            summaries.append(
                IncidentSummary(
                    incident: try Incident(row: row), commander: row["currentCommander"], services: services))
        }
        return summaries
    }

    public func allIncidents() throws -> [Incident] {
        try Incident.order(Column("id")).fetchAll(db)
    }

    public func services(incidentId: Int64) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT service FROM incidentService WHERE incidentId = ? ORDER BY service",
            arguments: [incidentId])
    }

    public func tags(incidentId: Int64) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT tag FROM incidentTag WHERE incidentId = ? ORDER BY tag", arguments: [incidentId])
    }

    public func roles(incidentId: Int64) throws -> [RoleAssignment] {
        try RoleAssignment.filter(Column("incidentId") == incidentId).order(Column("id")).fetchAll(db)
    }

    public func timeline(incidentId: Int64, fromSequence: Int, limit: Int?) throws -> [TimelineEntry] {
        let request = TimelineEntry.filter(Column("incidentId") == incidentId && Column("sequence") >= fromSequence)
            .order(Column("sequence"))
        return try (limit.map { request.limit($0) } ?? request).fetchAll(db)
    }

    public func forEachEntry(incidentId: Int64, _ body: (TimelineEntry) throws -> Void) throws {
        let entries = try TimelineEntry.filter(Column("incidentId") == incidentId)
            .order(Column("sequence"), Column("id")).fetchCursor(db)
        while let entry = try entries.next() { try body(entry) }
    }

    public func activeIncidents(service: String) throws -> [Incident] {
        try Incident.fetchAll(
            db,
            sql: """
                SELECT incident.* FROM incident JOIN incidentService ON incidentService.incidentId = incident.id
                WHERE incidentService.service = ? AND incident.status IN \(Self.activeStatusList)
                ORDER BY incident.id
                """, arguments: [service])
    }

    // MARK: Roles and action items

    public func currentHolders(incidentId: Int64, role: Role) throws -> [RoleAssignment] {
        try RoleAssignment.filter(
            Column("incidentId") == incidentId && Column("role") == role.rawValue && Column("endedAt") == nil
        ).order(Column("id")).fetchAll(db)
    }

    public func insert(_ assignment: inout RoleAssignment) throws {
        try assignment.insert(db)
    }

    public func update(_ assignment: RoleAssignment) throws {
        try assignment.update(db)
    }

    public func actionItem(id: Int64) throws -> ActionItem? {
        try ActionItem.fetchOne(db, key: id)
    }

    public func insert(_ item: inout ActionItem) throws {
        try item.insert(db)
    }

    public func update(_ item: ActionItem) throws {
        try item.update(db)
    }

    public func actionItems(incidentId: Int64) throws -> [ActionItem] {
        try ActionItem.filter(Column("incidentId") == incidentId).order(Column("id")).fetchAll(db)
    }

    public func actionItems(incidentId: Int64?, includeDone: Bool) throws -> [(incidentKey: String, item: ActionItem)] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let incidentId {
            conditions.append("actionItem.incidentId = ?")
            arguments += [incidentId]
        }
        if !includeDone { conditions.append("actionItem.status = 'open'") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT actionItem.*, incident.key AS incidentKey FROM actionItem
                JOIN incident ON incident.id = actionItem.incidentId \(filter)
                ORDER BY actionItem.status DESC, actionItem.dueDate IS NULL, actionItem.dueDate,
                  CASE actionItem.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, actionItem.id
                """, arguments: arguments)
        return try rows.map { row in (incidentKey: row["incidentKey"] as String, item: try ActionItem(row: row)) }
    }
}
