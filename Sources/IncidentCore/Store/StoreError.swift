import Foundation

/// Everything the store refuses or cannot do, each with a message a responder can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No incident (or action item) with that key or id.
    case notFound(String)
    /// The request makes no sense for the incident as it stands; nothing was written.
    case refused(String)
    /// A value given to the store is malformed (empty title, bad due date…).
    case invalid(String)
    /// The file is not a sitrep database, is corrupt, or is from a newer sitrep; it was not touched.
    case unusableDatabase(path: String, reason: String)
    /// The file system said no (permissions, missing directory, disk full).
    case io(String)
    /// The database named cannot be reached or is not one this sitrep can serve.
    case unavailable(String)
    /// The way the database was named (`--db`, `SITREP_DB`) makes no sense.
    case usage(String)
    /// The server answered but refuses this set-up (password, missing database, TLS, rights).
    case configuration(String)

    public var description: String {
        switch self {
        case .notFound(let message), .refused(let message), .invalid(let message), .io(let message),
            .unavailable(let message), .usage(let message), .configuration(let message):
            message
        case .unusableDatabase(let path, let reason):
            "\(path): \(reason); the file was not modified"
        }
    }

    /// The sysexits code the CLI exits with, so scripts can tell the failures apart.
    public var exitCode: Int32 {
        switch self {
        case .notFound: 66
        case .refused, .invalid, .unusableDatabase: 65
        case .io: 74
        case .unavailable: 69
        case .usage: 64
        case .configuration: 78
        }
    }
}
