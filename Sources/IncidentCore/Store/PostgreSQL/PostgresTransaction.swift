import Foundation
import Logging
import PostgresNIO

/// One PostgreSQL transaction as the rules see it. Every value is a bound parameter (PostgresNIO
/// turns each interpolation into `$n`), times are the same UTC text SQLite keeps, and the calls
/// wait on the caller's thread, never on an event loop.
public struct PostgresTransaction: StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger

    /// `('detected', …, 'mitigated')`, as the SQLite backend names them.
    static let activeStatuses = IncidentStatus.allCases.filter(\.isActive).map(\.rawValue)

    func rows(_ query: PostgresQuery) throws -> [PostgresRowReader] {
        PostgresRowReader.all(try connection.query(query, logger: logger).wait().rows)
    }

    func run(_ query: PostgresQuery) throws {
        _ = try connection.query(query, logger: logger).wait()
    }

    func one(_ query: PostgresQuery) throws -> PostgresRowReader? {
        try rows(query).first
    }

    func id(_ query: PostgresQuery) throws -> Int64 {
        guard let row = try one(query) else { throw StoreError.invalid("the server returned no id") }
        return try row["id"]
    }

    // MARK: Incidents

    public func incident(key: String) throws -> Incident? {
        try one("SELECT * FROM incident WHERE key = \(key)")?.incident()
    }

    public func incident(id: Int64) throws -> Incident? {
        try one("SELECT * FROM incident WHERE id = \(id)")?.incident()
    }

    public func lastKey(withPrefix prefix: String) throws -> String? {
        try one(
            "SELECT key FROM incident WHERE starts_with(key, \(prefix)) ORDER BY length(key) DESC, key DESC LIMIT 1"
        ).map { try $0["key"] }
    }

    public func insert(_ incident: inout Incident) throws {
        let i = incident
        incident.id = try id(
            """
            INSERT INTO incident (key, title, severity, status, summary, impact, root_cause, resolution, is_drill,
              created_by, detected_at, declared_at, acknowledged_at, mitigated_at, resolved_at, closed_at,
              last_entry_at, timeline_count, timeline_head)
            VALUES (\(i.key), \(i.title), \(i.severity.rawValue), \(i.status.rawValue), \(i.summary), \(i.impact),
              \(i.rootCause), \(i.resolution), \(i.isDrill), \(i.createdBy), \(Self.text(i.detectedAt)),
              \(Self.text(i.declaredAt)), \(Self.text(i.acknowledgedAt)), \(Self.text(i.mitigatedAt)),
              \(Self.text(i.resolvedAt)), \(Self.text(i.closedAt)), \(Self.text(i.lastEntryAt)), \(i.timelineCount),
              \(i.timelineHead))
            RETURNING id
            """)
    }

    public func update(_ incident: Incident, from original: Incident) throws {
        let i = incident
        try run(
            """
            UPDATE incident SET title = \(i.title), severity = \(i.severity.rawValue), status = \(i.status.rawValue),
              summary = \(i.summary), impact = \(i.impact), root_cause = \(i.rootCause),
              resolution = \(i.resolution), is_drill = \(i.isDrill), detected_at = \(Self.text(i.detectedAt)),
              declared_at = \(Self.text(i.declaredAt)), acknowledged_at = \(Self.text(i.acknowledgedAt)),
              mitigated_at = \(Self.text(i.mitigatedAt)), resolved_at = \(Self.text(i.resolvedAt)),
              closed_at = \(Self.text(i.closedAt))
            WHERE id = \(i.id)
            """)
    }

    public func addServices(_ services: [String], incidentId: Int64) throws {
        for service in services {
            try run("INSERT INTO incident_service (incident_id, service) VALUES (\(incidentId), \(service))")
        }
    }

    public func addTags(_ tags: [String], incidentId: Int64) throws {
        for tag in tags {
            try run("INSERT INTO incident_tag (incident_id, tag) VALUES (\(incidentId), \(tag))")
        }
    }

    public func insert(_ entry: inout TimelineEntry) throws {
        let e = entry
        entry.id = try id(
            """
            INSERT INTO timeline_entry (incident_id, sequence, kind, author, event_at, recorded_at, text, details,
              previous_hash, hash)
            VALUES (\(e.incidentId), \(e.sequence), \(e.kind.rawValue), \(e.author), \(Self.text(e.eventAt)),
              \(Self.text(e.recordedAt)), \(e.text), \(e.details), \(e.previousHash), \(e.hash))
            RETURNING id
            """)
    }

    public func saveChainHead(of incident: Incident) throws {
        try run(
            """
            UPDATE incident SET timeline_count = \(incident.timelineCount), timeline_head = \(incident.timelineHead),
              last_entry_at = \(Self.text(incident.lastEntryAt))
            WHERE id = \(incident.id)
            """)
    }

    public func summaries(activeOnly: Bool) throws -> [IncidentSummary] {
        try rows(
            """
            SELECT incident.*,
              (SELECT person FROM role_assignment
                WHERE incident_id = incident.id AND role = 'commander' AND ended_at IS NULL
                ORDER BY id DESC LIMIT 1) AS current_commander,
              ARRAY(SELECT service FROM incident_service WHERE incident_id = incident.id ORDER BY service)
                AS service_list
            FROM incident WHERE NOT \(activeOnly) OR status = ANY(\(Self.activeStatuses))
            ORDER BY severity, declared_at, id
            """
        ).map { row in
            IncidentSummary(
                incident: try row.incident(), commander: try row["current_commander"],
                services: try row["service_list"])
        }
    }

    public func allIncidents() throws -> [Incident] {
        try rows("SELECT * FROM incident ORDER BY id").map { try $0.incident() }
    }

    public func services(incidentId: Int64) throws -> [String] {
        try rows("SELECT service FROM incident_service WHERE incident_id = \(incidentId) ORDER BY service").map {
            try $0["service"]
        }
    }

    public func tags(incidentId: Int64) throws -> [String] {
        try rows("SELECT tag FROM incident_tag WHERE incident_id = \(incidentId) ORDER BY tag").map { try $0["tag"] }
    }

    public func roles(incidentId: Int64) throws -> [RoleAssignment] {
        try rows("SELECT * FROM role_assignment WHERE incident_id = \(incidentId) ORDER BY id").map {
            try $0.roleAssignment()
        }
    }

    public func timeline(incidentId: Int64, fromSequence: Int, limit: Int?) throws -> [TimelineEntry] {
        try rows(
            """
            SELECT * FROM timeline_entry WHERE incident_id = \(incidentId) AND sequence >= \(fromSequence)
            ORDER BY sequence LIMIT \(limit)
            """
        ).map { try $0.entry() }
    }

    public func forEachEntry(incidentId: Int64, _ body: (TimelineEntry) throws -> Void) throws {
        // Pages of 5,000, so verifying a huge timeline never holds it all in memory.
        var after = 0
        while true {
            let page = try rows(
                """
                SELECT * FROM timeline_entry WHERE incident_id = \(incidentId) AND sequence > \(after)
                ORDER BY sequence, id LIMIT 5000
                """
            ).map { try $0.entry() }
            for entry in page { try body(entry) }
            guard page.count == 5000, let last = page.last else { return }
            after = last.sequence
        }
    }

    public func activeIncidents(service: String) throws -> [Incident] {
        try rows(
            """
            SELECT incident.* FROM incident JOIN incident_service ON incident_service.incident_id = incident.id
            WHERE incident_service.service = \(service) AND incident.status = ANY(\(Self.activeStatuses))
            ORDER BY incident.id
            """
        ).map { try $0.incident() }
    }

    // MARK: Roles and action items

    public func currentHolders(incidentId: Int64, role: Role) throws -> [RoleAssignment] {
        try rows(
            """
            SELECT * FROM role_assignment
            WHERE incident_id = \(incidentId) AND role = \(role.rawValue) AND ended_at IS NULL ORDER BY id
            """
        ).map { try $0.roleAssignment() }
    }

    public func insert(_ assignment: inout RoleAssignment) throws {
        let a = assignment
        assignment.id = try id(
            """
            INSERT INTO role_assignment (incident_id, role, person, assigned_at, ended_at)
            VALUES (\(a.incidentId), \(a.role.rawValue), \(a.person), \(Self.text(a.assignedAt)),
              \(Self.text(a.endedAt)))
            RETURNING id
            """)
    }

    public func update(_ assignment: RoleAssignment) throws {
        try run("UPDATE role_assignment SET ended_at = \(Self.text(assignment.endedAt)) WHERE id = \(assignment.id)")
    }

    public func actionItem(id: Int64) throws -> ActionItem? {
        try one("SELECT * FROM action_item WHERE id = \(id)")?.actionItem()
    }

    public func insert(_ item: inout ActionItem) throws {
        let a = item
        item.id = try id(
            """
            INSERT INTO action_item (incident_id, title, owner, due_date, priority, type, status, created_by,
              created_at, completed_by, completed_at)
            VALUES (\(a.incidentId), \(a.title), \(a.owner), \(a.dueDate), \(a.priority.rawValue),
              \(a.category.rawValue), \(a.state.rawValue), \(a.createdBy), \(Self.text(a.createdAt)),
              \(a.completedBy), \(Self.text(a.completedAt)))
            RETURNING id
            """)
    }

    public func update(_ item: ActionItem) throws {
        try run(
            """
            UPDATE action_item SET title = \(item.title), owner = \(item.owner), due_date = \(item.dueDate),
              priority = \(item.priority.rawValue), type = \(item.category.rawValue), status = \(item.state.rawValue),
              completed_by = \(item.completedBy), completed_at = \(Self.text(item.completedAt))
            WHERE id = \(item.id)
            """)
    }

    public func actionItems(incidentId: Int64) throws -> [ActionItem] {
        try rows("SELECT * FROM action_item WHERE incident_id = \(incidentId) ORDER BY id").map { try $0.actionItem() }
    }

    public func actionItems(incidentId: Int64?, includeDone: Bool) throws -> [(incidentKey: String, item: ActionItem)] {
        try rows(
            """
            SELECT action_item.*, incident.key AS incident_key FROM action_item
            JOIN incident ON incident.id = action_item.incident_id
            WHERE (\(incidentId)::bigint IS NULL OR action_item.incident_id = \(incidentId))
              AND (\(includeDone) OR action_item.status = 'open')
            ORDER BY action_item.status DESC, action_item.due_date IS NULL, action_item.due_date,
              CASE action_item.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, action_item.id
            """
        ).map { row in (incidentKey: try row["incident_key"], item: try row.actionItem()) }
    }

    /// A time as stored: the fixed-width UTC text whose order is time order.
    static func text(_ date: Date) -> String { Timestamp.database(date) }

    static func text(_ date: Date?) -> String? { date.map(Timestamp.database) }
}
