import Foundation

/// Where the data lives, as `--db` or `SITREP_DB` names it, and the one place that picks the
/// store behind it. A value with a URL scheme is never taken for a file path: `postgres://…`
/// must not become a folder named `postgres:` in the current directory.
public enum StoreLocation: Equatable, Sendable {
    /// A SQLite database file (a plain path, or `file://` followed by one).
    case file(String)
    /// A shared PostgreSQL database (`postgres://` or `postgresql://`).
    case server(URL)

    /// Reads `--db`'s value; `option` names where it came from in messages.
    public init(parsing value: String, option: String = "--db") throws {
        guard let schemeEnd = value.range(of: "://"), Self.isScheme(value[..<schemeEnd.lowerBound]) else {
            self = .file(value)
            return
        }
        let scheme = value[..<schemeEnd.lowerBound].lowercased()
        switch scheme {
        case "file":
            let path = String(value[schemeEnd.upperBound...])
            guard path.hasPrefix("/") else {
                throw StoreError.usage("\(option) \(value): a file:// URL needs an absolute path (file:///…)")
            }
            self = .file(path.removingPercentEncoding ?? path)
        case "postgres", "postgresql":
            guard let url = URL(string: value), url.host != nil else {
                throw StoreError.usage("\(option) \(value): not a valid PostgreSQL URL (postgres://user@host:5432/db)")
            }
            self = .server(url)
        default:
            throw StoreError.usage(
                "\(option) \(value): sitrep stores incidents in a database file or at postgres://…, not at \(scheme)://"
            )
        }
    }

    /// Opens the store this location names. `concurrentReads` is for long-lived commands.
    public func open(readOnly: Bool = false, concurrentReads: Bool = false) throws -> any SitrepStore {
        switch self {
        case .file(let path):
            return try SQLiteIncidentStore(path: path, readOnly: readOnly, concurrentReads: concurrentReads)
        case .server(let url):
            return try PostgresIncidentStore(settings: try PostgresSettings(url: url))
        }
    }

    /// RFC 3986: a letter, then letters, digits, `+`, `-` or `.`; so `./a://b` stays a path.
    static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// The URL as it may be shown: a password in it is never echoed.
    static func withoutPassword(_ url: URL) -> String {
        guard url.password != nil, var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return url.absoluteString
        }
        parts.password = nil
        return parts.string ?? "\(url.scheme ?? "postgres")://…"
    }
}
