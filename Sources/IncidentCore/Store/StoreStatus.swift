import Foundation

/// What `sitrep db status` shows: which backend, where, which schema, how much is in it, and
/// whether the connection answers. Field names are a public interface (`--json`).
public struct StoreStatus: Codable, Sendable, Equatable {
    /// `sqlite` or `postgresql`.
    public var backend: String
    public var location: String
    /// The database engine's own version (SQLite's library, or the PostgreSQL server).
    public var serverVersion: String
    /// The newest migration applied, and how many this sitrep knows.
    public var schemaVersion: String
    public var migrationsApplied: Int
    public var incidents: Int
    public var entries: Int
    /// `ok`, or why the connection does not answer.
    public var connection: String

    public var text: String {
        """
        backend     \(backend)
        location    \(location)
        server      \(serverVersion)
        schema      \(schemaVersion) (\(migrationsApplied) migrations)
        incidents   \(incidents)
        entries     \(entries)
        connection  \(connection)
        """
    }
}
