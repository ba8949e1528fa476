import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// Hears other processes' commits: one connection of its own that LISTENs on `sitrep_changes`
/// and counts notifications, so a console's per-tick `changeToken` reads a number in memory and
/// never queries the server. Connected on first use (the CLI never asks); when the server goes
/// away the next call reconnects, and counts a change so the console rereads what it missed.
final class PostgresChangeListener: Sendable {
    static let channel = "sitrep_changes"
    /// How long after a failed connect the next one is tried.
    static let retryInterval: TimeInterval = 2

    struct State {
        var connection: PostgresConnection?
        var count: Int64 = 0
        /// The last failed attempt: while the server is away a console asks on every tick, and
        /// a connect to a silent host would hold the store's queue for its whole timeout.
        var failure: (at: Date, error: StoreError)?
    }

    let settings: PostgresSettings
    let group: MultiThreadedEventLoopGroup
    let logger: Logger
    let state = Mutex(State())

    init(settings: PostgresSettings, group: MultiThreadedEventLoopGroup, logger: Logger) {
        self.settings = settings
        self.group = group
        self.logger = logger
    }

    func token() throws -> Int64 {
        let heard = try state.withLock { current -> Int64? in
            if let connection = current.connection, !connection.isClosed { return current.count }
            if let failure = current.failure, Date().timeIntervalSince(failure.at) < Self.retryInterval {
                throw failure.error
            }
            return nil
        }
        if let heard { return heard }
        do {
            let connection = try PostgresIncidentStore.connect(settings, on: group, logger: logger)
            connection.addListener(channel: Self.channel) { [weak self] _, _ in
                self?.state.withLock { $0.count += 1 }
            }
            _ = try connection.query(PostgresQuery(unsafeSQL: "LISTEN \(Self.channel)"), logger: logger).wait()
            let (count, replaced) = state.withLock { current in
                let replaced = current.connection
                current.connection = connection
                current.failure = nil
                if replaced != nil { current.count += 1 }
                return (current.count, replaced)
            }
            if let replaced, !replaced.isClosed { try? replaced.close().wait() }
            return count
        } catch {
            let mapped = PostgresErrorMapping.map(error, settings: settings)
            state.withLock { $0.failure = (Date(), mapped) }
            throw mapped
        }
    }

    func stop() {
        let connection = state.withLock { $0.connection }
        try? connection?.close().wait()
    }
}
