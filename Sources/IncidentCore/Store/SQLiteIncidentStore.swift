import Foundation
import GRDB
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The one owner of a sitrep SQLite database: WAL, `synchronous=FULL`, immediate write
/// transactions and a busy timeout, so several processes can write at once without losing work.
public final class SQLiteIncidentStore: SitrepStore {
    public let path: String
    public var location: String { path }
    /// A `DatabasePool` for the console, a single `DatabaseQueue` for one-shot commands (see init).
    let database: any DatabaseWriter
    let clock: @Sendable () -> Date
    /// A connection of its own for `PRAGMA data_version`, whose value only means something when
    /// read again on the same connection. Opened on first use: the CLI never needs it.
    let watcher = Mutex<DatabaseQueue?>(nil)
    /// `('detected', …, 'mitigated')`: named rather than `NOT IN (resolved, closed)`, so SQLite
    /// reads the few open incidents through the status index instead of scanning every incident.
    static let activeStatusList =
        "(" + IncidentStatus.allCases.filter(\.isActive).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    /// How far ahead of the clock an `--at` time may be before it is refused as a typo.
    static let futureTolerance: TimeInterval = 300

    /// Opens (creating and migrating when needed) the database at `path`. With `readOnly`, an
    /// existing, up-to-date sitrep file is opened for reading only: no journal set-up write and no
    /// checkpoint on close, so commands that only read never sync the disk. Any other file takes
    /// the normal path, which creates, migrates or refuses it.
    ///
    /// `concurrentReads` opens a GRDB pool, whose readers run beside the writer: what the long-lived
    /// console needs. A one-shot CLI command passes false and gets a single connection instead,
    /// saving a second open and schema parse, and the pool's WAL set-up, which recreates the
    /// `-wal` file the last process removed with a throw-away schema change: one more synced commit.
    public init(
        path: String, readOnly: Bool = false, concurrentReads: Bool = true,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.path = path
        self.clock = clock
        if readOnly, let reader = Self.openCurrentForReading(path: path, concurrentReads: concurrentReads) {
            self.database = reader
            return
        }
        try DatabaseFile.prepare(path: path)
        // A file that is not yet a finished sitrep database may be being created by another
        // process right now: check and create it one process at a time.
        let creationLock = DatabaseFile.headerIsSitrep(path: path) ? nil : DirectoryLock(forDatabaseAt: path)
        defer { creationLock?.release() }
        try DatabaseFile.checkIdentity(path: path)
        let state: (superseded: Bool, complete: Bool)
        do {
            database = try Self.connect(path: path, readonly: false, concurrentReads: concurrentReads)
            state = try database.writeWithoutTransaction { db in
                // The pool turns WAL on itself; the single connection does it here (a no-op once
                // the file is in WAL mode, which it remembers).
                if !concurrentReads, try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") != "wal" {
                    throw StoreError.io("\(path): SQLite would not switch to WAL mode")
                }
                // GRDB's pool sets `synchronous = NORMAL` when it turns WAL on, after any
                // prepareDatabase hook: set FULL here, so every commit is synced before it returns.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Read on the writer: a reader would be a second open and schema parse.
                return try Self.migrationState(db)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, path: path)
        }
        if state.superseded {
            throw StoreError.unusableDatabase(path: path, reason: "was written by a newer version of sitrep")
        }
        if !state.complete {
            try migrate(alreadyLocked: creationLock != nil)
        }
    }

    /// A read-only connection (or pool) on `path` when it is already a sitrep database with every
    /// migration applied; nil for anything that needs the read-write path (or its error message).
    static func openCurrentForReading(path: String, concurrentReads: Bool) -> (any DatabaseWriter)? {
        guard DatabaseFile.headerIsSitrep(path: path),
            let reader = try? connect(path: path, readonly: true, concurrentReads: concurrentReads),
            let state = try? reader.read(migrationState), state.complete, !state.superseded
        else { return nil }
        return reader
    }

    /// A pool (readers beside the writer) or a single connection, with sitrep's busy timeout.
    static func connect(path: String, readonly: Bool, concurrentReads: Bool) throws -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(60)
        configuration.label = "sitrep"
        return concurrentReads
            ? try DatabasePool(path: path, configuration: configuration)
            : try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Whether a newer sitrep wrote migrations this one does not know, and whether all of this
    /// one's are applied.
    static func migrationState(_ db: Database) throws -> (superseded: Bool, complete: Bool) {
        let migrator = StoreMigrations.migrator
        return (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
    }

    /// For tests: migrates only up to `migration`, reproducing a database an older sitrep wrote.
    static func createLegacy(path: String, upTo migration: String) throws -> DatabasePool {
        try DatabaseFile.prepare(path: path)
        let pool = try DatabasePool(path: path)
        try StoreMigrations.migrator.migrate(pool, upTo: migration)
        return pool
    }

    /// Applies the migrations still missing. Several processes may open an old file at once:
    /// they migrate one at a time, and the migrator skips what another already applied.
    private func migrate(alreadyLocked: Bool) throws {
        let lock = alreadyLocked ? nil : DirectoryLock(forDatabaseAt: path)
        defer { lock?.release() }
        do {
            try StoreMigrations.migrator.migrate(database)
        } catch {
            throw StoreErrorMapping.map(error, path: path)
        }
    }

    // MARK: - Plumbing

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, path: path)
        }
    }

    func now() -> Date { Timestamp.truncated(clock()) }

    func eventTime(_ attribution: Attribution, now: Date) throws -> Date {
        guard let requested = attribution.eventTime else { return now }
        let time = Timestamp.truncated(requested)
        if time.timeIntervalSince(now) > Self.futureTolerance {
            throw StoreError.refused(
                "the time \(Timestamp.iso(time)) is in the future (now is \(Timestamp.iso(now))); nothing was written")
        }
        return time
    }

    func author(_ attribution: Attribution) throws -> String {
        let name = attribution.author.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid("the author name is empty") }
        return name
    }

    func fetchIncident(_ db: Database, key: String) throws -> Incident {
        let normalized = key.trimmingCharacters(in: .whitespaces).uppercased()
        // A cached statement: the query interface would generate and prepare the SQL on every note.
        let statement = try db.cachedStatement(sql: "SELECT * FROM incident WHERE key = ?")
        guard let incident = try Incident.fetchOne(statement, arguments: [normalized]) else {
            throw StoreError.notFound("no incident \(key)")
        }
        return incident
    }

    static let chainColumns = ["timelineCount", "timelineHead", "lastEntryAt"]

    /// Appends one chained entry and moves the incident's chain head (count, head hash, newest
    /// event time). Only those columns are written, so the incident's indexes stay untouched and a
    /// note commits fewer pages; a writer that changes the incident itself saves that change
    /// first, with `updateChanges(db, from:)`.
    @discardableResult
    func appendEntry(
        _ db: Database, to incident: inout Incident, kind: TimelineKind, text: String,
        details: [String: String] = [:], author: String, eventAt: Date, recordedAt: Date
    ) throws -> TimelineEntry {
        var entry = TimelineEntry(
            id: nil, incidentId: incident.id!, sequence: incident.timelineCount + 1, kind: kind, author: author,
            eventAt: eventAt, recordedAt: recordedAt, text: text, details: DetailsJSON.encode(details),
            previousHash: incident.timelineHead, hash: "")
        entry.hash = TimelineHasher.hash(incidentKey: incident.key, entry: entry)
        try entry.insert(db)
        incident.timelineCount = entry.sequence
        incident.timelineHead = entry.hash
        incident.lastEntryAt = max(incident.lastEntryAt, eventAt)
        try incident.update(db, columns: Self.chainColumns)
        return entry
    }

    static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Writes

    public func declareIncident(_ declaration: IncidentDeclaration, by attribution: Attribution) throws -> Incident {
        let title = Self.clean(declaration.title)
        guard !title.isEmpty else { throw StoreError.invalid("an incident needs a title") }
        let author = try author(attribution)
        let services = Self.uniqueNonEmpty(declaration.services)
        let tags = Self.uniqueNonEmpty(declaration.tags)
        return try write { db in
            let recordedAt = now()
            let declaredAt = try eventTime(attribution, now: recordedAt)
            let detectedAt = declaration.detectedAt.map(Timestamp.truncated) ?? declaredAt
            if detectedAt > declaredAt {
                throw StoreError.refused(
                    "detection time \(Timestamp.iso(detectedAt)) is after the declaration at "
                        + "\(Timestamp.iso(declaredAt)); nothing was written")
            }
            var incident = Incident(
                id: nil, key: try nextKey(db, declaredAt: declaredAt), title: title, severity: declaration.severity,
                status: .detected, summary: Self.clean(declaration.summary), impact: "", rootCause: "",
                resolution: "", isDrill: declaration.isDrill, createdBy: author, detectedAt: detectedAt,
                declaredAt: declaredAt, acknowledgedAt: nil, mitigatedAt: nil, resolvedAt: nil, closedAt: nil,
                lastEntryAt: declaredAt, timelineCount: 0, timelineHead: TimelineHasher.genesis)
            try incident.insert(db)
            for service in services {
                try db.execute(
                    sql: "INSERT INTO incidentService (incidentId, service) VALUES (?, ?)",
                    arguments: [incident.id, service])
            }
            for tag in tags {
                try db.execute(
                    sql: "INSERT INTO incidentTag (incidentId, tag) VALUES (?, ?)", arguments: [incident.id, tag])
            }
            var details = ["to": IncidentStatus.detected.rawValue, "severity": declaration.severity.rawValue]
            if !services.isEmpty { details["services"] = services.joined(separator: ",") }
            if declaration.isDrill { details["drill"] = "true" }
            let drill = declaration.isDrill ? " drill" : ""
            let on = services.isEmpty ? "" : " on \(services.joined(separator: ", "))"
            try appendEntry(
                db, to: &incident, kind: .status,
                text: "Declared \(declaration.severity.rawValue)\(drill) incident\(on): \(title)", details: details,
                author: author, eventAt: declaredAt, recordedAt: recordedAt)
            if let commander = declaration.commander.map(Self.clean), !commander.isEmpty {
                try assign(
                    db, incident: &incident, role: .commander, person: commander, author: author, eventAt: declaredAt,
                    recordedAt: recordedAt)
            }
            return incident
        }
    }

    /// `INC-YYYYMMDD-NNN`, numbered within the declaration day. Runs inside the immediate
    /// transaction, so two processes can never pick the same number.
    func nextKey(_ db: Database, declaredAt: Date) throws -> String {
        let prefix = "INC-\(Timestamp.compactDay(declaredAt))-"
        let last = try String.fetchOne(
            db,
            sql: "SELECT key FROM incident WHERE key > ? AND key < ? ORDER BY length(key) DESC, key DESC LIMIT 1",
            arguments: [prefix, prefix + "~"])
        let number = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        return prefix + Timestamp.padded(number, 3)
    }

    public func appendNote(key: String, text: String, kind: TimelineKind, by attribution: Attribution) throws
        -> TimelineEntry
    {
        let body = Self.clean(text)
        guard !body.isEmpty else { throw StoreError.invalid("the note is empty") }
        let author = try author(attribution)
        return try write { db in
            var incident = try fetchIncident(db, key: key)
            let recordedAt = now()
            return try appendEntry(
                db, to: &incident, kind: kind, text: body, author: author,
                eventAt: try eventTime(attribution, now: recordedAt), recordedAt: recordedAt)
        }
    }

    public func changeStatus(key: String, move: StatusMove, note: String?, by attribution: Attribution) throws
        -> Incident
    {
        let author = try author(attribution)
        return try write { db in
            var incident = try fetchIncident(db, key: key)
            let original = incident
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            let from = incident.status
            let target = try StatusRules.target(of: move, incident: incident)
            try StatusRules.checkTime(at, for: move, target: target, incident: incident)
            if move == .reopen {
                for milestone in [Milestone.mitigated, .resolved, .closed] {
                    incident.setTime(nil, of: milestone)
                }
            }
            if let milestone = target.milestone, incident.time(of: milestone) == nil {
                incident.setTime(at, of: milestone)
            }
            incident.status = target
            var details = ["from": from.rawValue, "to": target.rawValue]
            var text = "Status \(from.rawValue) → \(target.rawValue)"
            if move == .reopen {
                details["reopened"] = "true"
                text = "Reopened: status \(from.rawValue) → \(target.rawValue)"
            }
            if let note = note.map(Self.clean), !note.isEmpty {
                details["note"] = note
                text += ": \(note)"
            }
            try incident.updateChanges(db, from: original)
            try appendEntry(
                db, to: &incident, kind: .status, text: text, details: details, author: author, eventAt: at,
                recordedAt: recordedAt)
            return incident
        }
    }

    public func changeSeverity(key: String, to severity: Severity, note: String?, by attribution: Attribution) throws
        -> Incident
    {
        let author = try author(attribution)
        return try write { db in
            var incident = try fetchIncident(db, key: key)
            let from = incident.severity
            guard from != severity else {
                throw StoreError.refused("\(incident.key) is already \(severity.rawValue); nothing was written")
            }
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            try incident.updateChanges(db) { $0.severity = severity }
            var details = ["from": from.rawValue, "to": severity.rawValue]
            var text = "Severity \(from.rawValue) → \(severity.rawValue)"
            if let note = note.map(Self.clean), !note.isEmpty {
                details["note"] = note
                text += ": \(note)"
            }
            try appendEntry(
                db, to: &incident, kind: .severity, text: text, details: details, author: author, eventAt: at,
                recordedAt: recordedAt)
            return incident
        }
    }

    public func assignRole(key: String, role: Role, person: String, by attribution: Attribution) throws
        -> RoleAssignment
    {
        let name = Self.clean(person)
        guard !name.isEmpty else { throw StoreError.invalid("the \(role.title)'s name is empty") }
        let author = try author(attribution)
        return try write { db in
            var incident = try fetchIncident(db, key: key)
            let recordedAt = now()
            return try assign(
                db, incident: &incident, role: role, person: name, author: author,
                eventAt: try eventTime(attribution, now: recordedAt), recordedAt: recordedAt)
        }
    }

    @discardableResult
    func assign(
        _ db: Database, incident: inout Incident, role: Role, person: String, author: String, eventAt: Date,
        recordedAt: Date
    ) throws -> RoleAssignment {
        let current = try RoleAssignment.filter(
            Column("incidentId") == incident.id && Column("role") == role.rawValue && Column("endedAt") == nil
        ).fetchAll(db)
        if current.contains(where: { $0.person == person }) {
            throw StoreError.refused("\(person) is already \(role.title) of \(incident.key); nothing was written")
        }
        var details = ["role": role.rawValue, "to": person]
        var text = "\(role.title.capitalizedFirst): \(person)"
        if role.isSingleHolder, var previous = current.first {
            previous.endedAt = eventAt
            try previous.update(db)
            details["from"] = previous.person
            text = "\(role.title.capitalizedFirst) \(previous.person) → \(person)"
        } else if role == .responder {
            text = "Responder joined: \(person)"
        }
        var assignment = RoleAssignment(
            id: nil, incidentId: incident.id!, role: role, person: person, assignedAt: eventAt, endedAt: nil)
        try assignment.insert(db)
        try appendEntry(
            db, to: &incident, kind: .role, text: text, details: details, author: author, eventAt: eventAt,
            recordedAt: recordedAt)
        return assignment
    }

    public func releaseRole(key: String, role: Role, person: String, by attribution: Attribution) throws {
        let name = Self.clean(person)
        let author = try author(attribution)
        try write { db in
            var incident = try fetchIncident(db, key: key)
            guard
                var assignment = try RoleAssignment.filter(
                    Column("incidentId") == incident.id && Column("role") == role.rawValue
                        && Column("person") == name && Column("endedAt") == nil
                ).fetchOne(db)
            else {
                throw StoreError.refused("\(name) is not \(role.title) of \(incident.key); nothing was written")
            }
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            assignment.endedAt = at
            try assignment.update(db)
            try appendEntry(
                db, to: &incident, kind: .role, text: "\(role.title.capitalizedFirst) \(name) stood down",
                details: ["role": role.rawValue, "from": name], author: author, eventAt: at, recordedAt: recordedAt)
        }
    }

    public func updateField(key: String, field: IncidentField, value: String, by attribution: Attribution) throws
        -> Incident
    {
        let text = Self.clean(value)
        if field == .title, text.isEmpty { throw StoreError.invalid("an incident needs a title") }
        let author = try author(attribution)
        return try write { db in
            var incident = try fetchIncident(db, key: key)
            let original = incident
            let previous: String
            switch field {
            case .title: (previous, incident.title) = (incident.title, text)
            case .summary: (previous, incident.summary) = (incident.summary, text)
            case .impact: (previous, incident.impact) = (incident.impact, text)
            case .rootCause: (previous, incident.rootCause) = (incident.rootCause, text)
            case .resolution: (previous, incident.resolution) = (incident.resolution, text)
            }
            guard previous != text else {
                throw StoreError.refused("\(field.rawValue) of \(incident.key) is already that; nothing was written")
            }
            try incident.updateChanges(db, from: original)
            let recordedAt = now()
            let label = field.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
            try appendEntry(
                db, to: &incident, kind: .field, text: text.isEmpty ? "\(label) cleared" : "\(label): \(text)",
                details: ["field": field.rawValue, "from": previous, "to": text], author: author,
                eventAt: try eventTime(attribution, now: recordedAt), recordedAt: recordedAt)
            return incident
        }
    }

    public func addActionItem(key: String, draft: ActionItemDraft, by attribution: Attribution) throws -> ActionItem {
        let title = Self.clean(draft.title)
        guard !title.isEmpty else { throw StoreError.invalid("an action item needs a title") }
        if let due = draft.dueDate, Timestamp.parseDay(due) == nil {
            throw StoreError.invalid("due date \(due) is not a calendar day like 2025-11-30")
        }
        let owner = draft.owner.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }
        let author = try author(attribution)
        return try write { db in
            var incident = try fetchIncident(db, key: key)
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            var item = ActionItem(
                id: nil, incidentId: incident.id!, title: title, owner: owner, dueDate: draft.dueDate,
                priority: draft.priority, category: draft.category, state: .open, createdBy: author, createdAt: at,
                completedBy: nil, completedAt: nil)
            try item.insert(db)
            var facts = [draft.priority.rawValue, draft.category.rawValue]
            if let owner { facts.insert("owner \(owner)", at: 0) }
            if let due = draft.dueDate { facts.insert("due \(due)", at: owner == nil ? 0 : 1) }
            var details = [
                "action": "added", "id": String(item.id!), "title": title, "priority": draft.priority.rawValue,
                "type": draft.category.rawValue,
            ]
            details["owner"] = owner
            details["due"] = draft.dueDate
            try appendEntry(
                db, to: &incident, kind: .action,
                text: "Action item #\(item.id!) added: \(title) (\(facts.joined(separator: ", ")))", details: details,
                author: author, eventAt: at, recordedAt: recordedAt)
            return item
        }
    }

    public func completeActionItem(id: Int64, by attribution: Attribution) throws -> ActionItem {
        let author = try author(attribution)
        return try write { db in
            guard var item = try ActionItem.fetchOne(db, key: id) else {
                throw StoreError.notFound("no action item #\(id)")
            }
            guard item.state == .open else {
                throw StoreError.refused("action item #\(id) is already done; nothing was written")
            }
            guard var incident = try Incident.fetchOne(db, key: item.incidentId) else {
                throw StoreError.notFound("action item #\(id) belongs to no incident")
            }
            let recordedAt = now()
            let at = try eventTime(attribution, now: recordedAt)
            item.state = .done
            item.completedAt = at
            item.completedBy = author
            try item.update(db)
            try appendEntry(
                db, to: &incident, kind: .action, text: "Action item #\(id) done: \(item.title)",
                details: ["action": "done", "id": String(id), "title": item.title], author: author, eventAt: at,
                recordedAt: recordedAt)
            return item
        }
    }

    static func uniqueNonEmpty(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.map(clean).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    // MARK: - Reads

    public func incidents(includeInactive: Bool) throws -> [IncidentSummary] {
        let filter = includeInactive ? "" : "WHERE status IN \(Self.activeStatusList)"
        return try read { db in
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
    }

    public func incident(key: String) throws -> Incident {
        try read { db in try fetchIncident(db, key: key) }
    }

    public func detail(key: String) throws -> IncidentDetail {
        try read { db in try detail(db, incident: try fetchIncident(db, key: key), includingTimeline: true) }
    }

    /// Everything about an incident; long reports read the timeline themselves, row by row.
    func detail(_ db: Database, incident: Incident, includingTimeline: Bool) throws -> IncidentDetail {
        IncidentDetail(
            incident: incident,
            services: try String.fetchAll(
                db, sql: "SELECT service FROM incidentService WHERE incidentId = ? ORDER BY service",
                arguments: [incident.id]),
            tags: try String.fetchAll(
                db, sql: "SELECT tag FROM incidentTag WHERE incidentId = ? ORDER BY tag", arguments: [incident.id]),
            roles: try RoleAssignment.filter(Column("incidentId") == incident.id).order(Column("id")).fetchAll(db),
            actionItems: try ActionItem.filter(Column("incidentId") == incident.id).order(Column("id")).fetchAll(db),
            timeline: includingTimeline
                ? try TimelineEntry.filter(Column("incidentId") == incident.id).order(Column("sequence")).fetchAll(db)
                : [])
    }

    public func actionItems(key: String?, includeDone: Bool) throws -> [(incidentKey: String, item: ActionItem)] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let key {
                let incident = try fetchIncident(db, key: key)
                conditions.append("actionItem.incidentId = ?")
                arguments += [incident.id]
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

    public func timeline(key: String, fromSequence: Int, limit: Int) throws -> [TimelineEntry] {
        try read { db in
            let incident = try fetchIncident(db, key: key)
            return try TimelineEntry.filter(Column("incidentId") == incident.id && Column("sequence") >= fromSequence)
                .order(Column("sequence")).limit(limit).fetchAll(db)
        }
    }

    public func changeToken() throws -> Int64 {
        do {
            return try watcher.withLock { queue in
                if queue == nil {
                    var configuration = Configuration()
                    configuration.readonly = true
                    configuration.busyMode = .timeout(5)
                    queue = try DatabaseQueue(path: path, configuration: configuration)
                }
                return try queue!.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
            }
        } catch {
            throw StoreErrorMapping.map(error, path: path)
        }
    }

    public func verifyChains(key: String?) throws -> ChainReport {
        try read { db in
            let incidents: [Incident] =
                if let key { [try fetchIncident(db, key: key)] } else {
                    try Incident.order(Column("id")).fetchAll(db)
                }
            var report = ChainReport(incidentsChecked: 0, entriesChecked: 0, firstBreak: nil)
            for incident in incidents {
                report.incidentsChecked += 1
                if let broken = try ChainVerifier.verify(db, incident: incident, checked: &report.entriesChecked) {
                    report.firstBreak = broken
                    return report
                }
            }
            return report
        }
    }
}

extension String {
    /// "incident commander" → "Incident commander".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
