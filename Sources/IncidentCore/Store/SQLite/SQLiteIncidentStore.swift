import Foundation
import GRDB
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The one owner of a sitrep SQLite database: WAL, `synchronous=FULL`, immediate write
/// transactions and a busy timeout, so several processes can write at once without losing work.
public final class SQLiteIncidentStore: StoreBackend {
    public let path: String
    public var location: String { path }
    /// A `DatabasePool` for the console, a single `DatabaseQueue` for one-shot commands (see init).
    let database: any DatabaseWriter
    public let clock: @Sendable () -> Date
    /// A connection of its own for `PRAGMA data_version`, whose value only means something when
    /// read again on the same connection. Opened on first use: the CLI never needs it.
    let watcher = Mutex<DatabaseQueue?>(nil)
    /// The file opened, checked before each write and change poll (see `FileIdentity`).
    let identity: FileIdentity?

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
        try DatabaseFile.checkLength(path: path)
        if readOnly, let reader = Self.openCurrentForReading(path: path, concurrentReads: concurrentReads) {
            self.database = reader
            identity = FileIdentity.of(path)
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
            identity = FileIdentity.of(path)
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

    // MARK: - Transactions

    public func read<T>(_ body: (SQLiteTransaction) throws -> T) throws -> T {
        do {
            return try database.read { db in try body(SQLiteTransaction(db: db)) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, path: path)
        }
    }

    /// An immediate transaction: SQLite lets one writer in at a time, waiting up to the busy
    /// timeout, so the chain head read inside is the one extended.
    public func write<T>(_ body: (SQLiteTransaction) throws -> T) throws -> T {
        try checkStillAtPath()
        do {
            return try database.write { db in try body(SQLiteTransaction(db: db)) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, path: path)
        }
    }

    public func changeToken() throws -> Int64 {
        try checkStillAtPath()
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
}

extension SQLiteIncidentStore {
    public func status() throws -> StoreStatus {
        try read { tx in
            let db = tx.db
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            return StoreStatus(
                backend: "sqlite", location: path,
                serverVersion: "SQLite " + (try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?"),
                schemaVersion: migrations.last ?? "none", migrationsApplied: migrations.count,
                incidents: try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") ?? 0,
                entries: try Int.fetchOne(db, sql: "SELECT coalesce(sum(timelineCount), 0) FROM incident") ?? 0,
                connection: "ok")
        }
    }

    /// Refuses work once the path no longer names the file opened: deleted, or replaced by
    /// another file (a restore, a `mv`), whose contents this store has never read.
    func checkStillAtPath() throws {
        guard let identity, FileIdentity.of(path) != identity else { return }
        throw StoreError.io(
            "nothing was written: \(path) was deleted or replaced after sitrep opened it (restart sitrep to open the file there now)"
        )
    }
}
