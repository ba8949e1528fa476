/// Everything the CLI, the console, runbooks, health checks and reports use, whatever the backend:
/// what `StoreLocation.open` hands out, so no caller depends on SQLite.
public protocol SitrepStore: IncidentStore, RunbookStore, HandoffStore, HealthStore, AlertStore, StatsStore {
    /// Where the data lives as users named it (a file path), for status lines and messages.
    var location: String { get }
    /// Backend, versions and counts for `sitrep db status`.
    func status() throws -> StoreStatus
    /// Every incident and handoff as stored, for `export --all`.
    func dump() throws -> StoreDump
    /// Writes a dump in one transaction, or nothing when any chain breaks or any key exists.
    @discardableResult
    func load(_ dump: StoreDump) throws -> (incidents: Int, entries: Int, handoffs: Int)
}
