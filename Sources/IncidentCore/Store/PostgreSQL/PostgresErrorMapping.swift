import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// Turns what PostgresNIO and the server report into one line a responder can act on, with the
/// sysexits code scripts expect: 69 when the server cannot be reached, 78 when it refuses the
/// set-up. The password never appears: messages name the URL without it.
enum PostgresErrorMapping {
    static func map(_ error: any Error, settings: PostgresSettings) -> StoreError {
        if let error = error as? StoreError { return error }
        let place = settings.display
        guard let error = error as? PSQLError else {
            return .unavailable("\(place): \(describe(error))")
        }
        if let state = error.serverInfo?[.sqlState] {
            let message = error.serverInfo?[.message] ?? "error \(state)"
            switch state {
            case "28P01":
                return .configuration(
                    "\(place): the server refused the password for user \(settings.user) "
                        + "(set it in PGPASSWORD or ~/.pgpass)")
            case "28000":
                return .configuration("\(place): the server refused the connection: \(message)")
            case "3D000":
                return .configuration("\(place): database \(settings.database) does not exist (create it first)")
            case "42501":
                return .configuration("\(place): user \(settings.user) may not do this: \(message)")
            case "53100":
                return .io("\(place): the server's disk is full: \(message); nothing was written")
            default:
                if state.hasPrefix("57P") || state.hasPrefix("08") || state.hasPrefix("53") {
                    return .unavailable("\(place): the server is not taking work: \(message)")
                }
                return .unavailable("\(place): \(message) (\(state))")
            }
        }
        switch error.code {
        case .sslUnsupported:
            return .configuration("\(place): the server does not offer TLS; use ?sslmode=disable or prefer")
        case .authMechanismRequiresPassword:
            return .configuration(
                "\(place): the server wants a password for user \(settings.user) (set PGPASSWORD or ~/.pgpass)")
        case .connectionError:
            return .unavailable("\(place): cannot reach the server (\(error.underlying.map(describe) ?? "no answer"))")
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return .unavailable("\(place): the server closed the connection; nothing was written")
        default:
            return .unavailable("\(place): \(error.code)")
        }
    }

    /// Serialization failures and deadlocks: the transaction wrote nothing and may simply rerun.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let state = (error as? PSQLError)?.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// The connection is gone (server restarted, network cut): a new one may succeed.
    static func isConnectionLost(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            if let state = error.serverInfo?[.sqlState] { return state.hasPrefix("57P") || state.hasPrefix("08") }
            return [.serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .connectionError].contains(
                error.code)
        }
        return error is ChannelError || error is IOError
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? NIOConnectionError {
            return error.connectionErrors.first.map { describe($0.error) } ?? "connection failed"
        }
        return "\(error)"
    }
}
