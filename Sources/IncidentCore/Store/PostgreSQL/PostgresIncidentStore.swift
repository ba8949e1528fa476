import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// A sitrep store in a PostgreSQL schema, shared by a team on many machines. Each write is one
/// transaction holding the schema's advisory lock, so writers on different connections take
/// turns exactly as SQLite's immediate transactions do: keys stay unique and every chain stays
/// linear without a serialization failure ever reaching a user. Commits notify `sitrep_changes`,
/// which other consoles hear through LISTEN instead of polling the server.
public final class PostgresIncidentStore: StoreBackend {
    public let settings: PostgresSettings
    public let clock: @Sendable () -> Date
    public var location: String { settings.display }
    /// One loop of its own: store calls wait on their caller's thread, and waiting on a loop
    /// thread (an HTTP client's, say) would deadlock.
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let logger = Logger(label: "sitrep.postgres")
    /// The connection transactions run on, one at a time; nil after the server went away.
    let connection = Mutex<PostgresConnection?>(nil)
    let listener: PostgresChangeListener
    /// The schema's advisory lock key and notification channel, fixed once connected.
    let schemaName: String

    /// Connects, creating or migrating the schema when needed (as SQLite does with a new file).
    public init(settings: PostgresSettings, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.settings = settings
        self.clock = clock
        var opened: PostgresConnection?
        do {
            let first = try Self.connect(settings, on: group, logger: logger)
            opened = first
            schemaName = try Self.prepareSchema(first, settings: settings, logger: logger)
        } catch {
            // PostgresNIO wants every connection closed before it goes away.
            try? opened?.close().wait()
            try? group.syncShutdownGracefully()
            throw PostgresErrorMapping.map(error, settings: settings)
        }
        connection.withLock { $0 = opened }
        listener = PostgresChangeListener(settings: settings, group: group, logger: logger)
    }

    deinit {
        let open = connection.withLock { $0 }
        try? open?.close().wait()
        listener.stop()
        try? group.syncShutdownGracefully()
    }

    static func connect(_ settings: PostgresSettings, on group: some EventLoopGroup, logger: Logger) throws
        -> PostgresConnection
    {
        var configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password,
            database: settings.database, tls: try tls(settings.tls))
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = [("application_name", "sitrep")]
        return try PostgresConnection.connect(
            on: group.next(), configuration: configuration, id: 1, logger: logger
        ).wait()
    }

    /// libpq's modes: `prefer` and `require` encrypt without checking the certificate; the
    /// verify modes check it against the system's roots.
    static func tls(_ mode: PostgresSettings.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if mode != .verify { configuration.certificateVerification = .none }
        switch mode {
        case .disable: return .disable
        case .allow, .prefer: return .prefer(try NIOSSLContext(configuration: configuration))
        case .require, .verify: return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    /// Points the connection at the schema (creating it if asked for by name), applies missing
    /// migrations one process at a time, and refuses a schema a newer sitrep wrote.
    static func prepareSchema(_ connection: PostgresConnection, settings: PostgresSettings, logger: Logger) throws
        -> String
    {
        let tx = PostgresTransaction(connection: connection, logger: logger)
        if let schema = settings.schema {
            try tx.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"))
            try tx.run(PostgresQuery(unsafeSQL: "SET search_path TO \(schema)"))
        }
        guard let name: String = try tx.one("SELECT current_schema() AS name")?["name"] else {
            throw StoreError.configuration(
                "\(settings.display): no schema to keep incidents in (search_path is empty); add ?schema=NAME")
        }
        // The usual case, an up-to-date schema, in one query; anything else takes the locked path.
        let known = Set(PostgresMigrations.all.map(\.identifier))
        if let applied = try? tx.rows("SELECT identifier FROM sitrep_migration").map({ try $0["identifier"] as String }
        ),
            Set(applied) == known
        {
            return name
        }
        try tx.run("BEGIN")
        do {
            try tx.run("SELECT pg_advisory_xact_lock(hashtext('sitrep-migrate:' || current_schema()))")
            try tx.run(
                "CREATE TABLE IF NOT EXISTS sitrep_migration (identifier text PRIMARY KEY, applied_at text NOT NULL)")
            let applied = Set(
                try tx.rows("SELECT identifier FROM sitrep_migration").map { try $0["identifier"] as String })
            if !applied.isSubset(of: known) {
                throw StoreError.unavailable(
                    "\(settings.display): schema \(name) was written by a newer version of sitrep "
                        + "(\(applied.subtracting(known).sorted().joined(separator: ", "))); it was not modified")
            }
            for migration in PostgresMigrations.all where !applied.contains(migration.identifier) {
                for statement in migration.sql.components(separatedBy: ";\n") {
                    let sql = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !sql.isEmpty { try tx.run(PostgresQuery(unsafeSQL: sql)) }
                }
                try tx.run(
                    """
                    INSERT INTO sitrep_migration (identifier, applied_at)
                    VALUES (\(migration.identifier), \(Timestamp.database(Date())))
                    """)
            }
            try tx.run("COMMIT")
        } catch {
            try? tx.run("ROLLBACK")
            throw error
        }
        return name
    }

    // MARK: - Transactions

    /// Runs `body` on the connection, reconnecting first if the server went away since.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try connection.withLock { current in
            if current == nil || current!.isClosed {
                current = nil
                let fresh = try Self.connect(settings, on: group, logger: logger)
                if let schema = settings.schema {
                    _ = try fresh.query(PostgresQuery(unsafeSQL: "SET search_path TO \(schema)"), logger: logger).wait()
                }
                current = fresh
            }
            return try body(current!)
        }
    }

    public func read<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        do {
            return try withConnection { connection in
                let tx = PostgresTransaction(connection: connection, logger: logger)
                try tx.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                do {
                    let result = try body(tx)
                    try tx.run("COMMIT")
                    return result
                } catch {
                    try? tx.run("ROLLBACK")
                    throw error
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw PostgresErrorMapping.map(error, settings: settings)
        }
    }

    /// A failure before COMMIT was sent wrote nothing, so it is retried (a lost connection once,
    /// on a fresh one); a connection lost during COMMIT is reported, since the server may or may
    /// not have committed.
    public func write<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            var committing = false
            do {
                return try withConnection { connection in
                    let tx = PostgresTransaction(connection: connection, logger: logger)
                    try tx.run("BEGIN ISOLATION LEVEL READ COMMITTED")
                    do {
                        try tx.run("SELECT pg_advisory_xact_lock(hashtext('sitrep-write:' || current_schema()))")
                        let result = try body(tx)
                        try tx.run("SELECT pg_notify(\(PostgresChangeListener.channel), current_schema())")
                        committing = true
                        try tx.run("COMMIT")
                        return result
                    } catch {
                        if !committing { try? tx.run("ROLLBACK") }
                        throw error
                    }
                }
            } catch let error as StoreError {
                throw error
            } catch {
                let retry = PostgresErrorMapping.isRetryable(error) || PostgresErrorMapping.isConnectionLost(error)
                if retry, !committing, attempt < 3 {
                    connection.withLock { current in if current?.isClosed ?? true { current = nil } }
                    continue
                }
                if committing, PostgresErrorMapping.isConnectionLost(error) {
                    throw StoreError.unavailable(
                        "\(settings.display): the server went away while committing; the change may or may not "
                            + "have been saved (check with `sitrep show`)")
                }
                throw PostgresErrorMapping.map(error, settings: settings)
            }
        }
    }

    public func changeToken() throws -> Int64 {
        try listener.token()
    }

    public func status() throws -> StoreStatus {
        try read { tx in
            let migrations = try tx.rows("SELECT identifier FROM sitrep_migration ORDER BY identifier").map {
                try $0["identifier"] as String
            }
            let counts = try tx.one(
                "SELECT count(*) AS incidents, coalesce(sum(timeline_count), 0)::bigint AS entries FROM incident")
            return StoreStatus(
                backend: "postgresql",
                location: settings.display + (settings.schema == nil ? " (schema \(schemaName))" : ""),
                serverVersion: "PostgreSQL "
                    + (try tx.one("SELECT current_setting('server_version') AS version")?["version"] ?? "?"),
                schemaVersion: migrations.last ?? "none", migrationsApplied: migrations.count,
                incidents: try counts?["incidents"] ?? 0, entries: try counts?["entries"] ?? 0, connection: "ok")
        }
    }
}
