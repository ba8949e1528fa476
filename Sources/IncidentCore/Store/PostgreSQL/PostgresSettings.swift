import Foundation

/// How to reach a PostgreSQL database, read from a `postgres://` URL the way libpq reads it:
/// user, host, port and database from the URL; `sslmode` and `schema` from its query; the
/// password from the URL, else `PGPASSWORD`, else `~/.pgpass`. The password is never shown.
public struct PostgresSettings: Sendable, Equatable {
    /// libpq's `sslmode`, narrowed to what sitrep can honour.
    public enum TLSMode: String, Sendable {
        case disable, allow, prefer, require
        /// libpq's `verify-ca` and `verify-full` both verify the server certificate here.
        case verify = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// The schema the tables live in; nil leaves the server's `search_path` as the role has it.
    public var schema: String?

    /// `environment` and `home` are the process's unless a test passes its own.
    public init(
        url: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String = NSHomeDirectory()
    ) throws {
        let shown = StoreLocation.withoutPassword(url)
        guard let parts = URLComponents(url: url, resolvingAgainstBaseURL: false), let host = parts.host,
            !host.isEmpty
        else {
            throw StoreError.usage("\(shown): not a valid PostgreSQL URL (postgres://user@host:5432/database)")
        }
        self.host = host
        port = parts.port ?? Int(environment["PGPORT"] ?? "") ?? 5432
        user = parts.user?.removingPercentEncoding ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGDATABASE"] ?? user
        tls = .prefer
        schema = nil
        for item in parts.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                switch value {
                case "verify-ca", "verify-full": tls = .verify
                default:
                    guard let mode = TLSMode(rawValue: value) else {
                        throw StoreError.usage(
                            "\(shown): sslmode=\(value) is not one of disable, allow, prefer, require, verify-ca, "
                                + "verify-full")
                    }
                    tls = mode
                }
            case "schema", "search_path":
                guard Self.isPlainIdentifier(value) else {
                    throw StoreError.usage(
                        "\(shown): schema '\(value)' must be lower-case letters, digits and _ (starting with a letter)"
                    )
                }
                schema = value
            case "application_name", "connect_timeout":
                continue
            default:
                throw StoreError.usage("\(shown): unknown parameter '\(item.name)' (sitrep reads sslmode and schema)")
            }
        }
        password =
            parts.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
            ?? Self.passwordFile(environment["PGPASSFILE"] ?? home + "/.pgpass").flatMap {
                Self.lookUp(in: $0, host: host, port: port, database: database, user: user)
            }
    }

    /// A schema name that needs no quoting, so it can be put into `SET search_path` as is.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || first == "_", name.count <= 63
        else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// `~/.pgpass` as libpq reads it; ignored, as libpq does, unless only its owner can read it.
    static func passwordFile(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0
        else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The first `host:port:database:user:password` line that matches; `*` matches anything and
    /// `\:` is a literal colon.
    static func lookUp(in file: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in file.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for character in line {
                if escaped {
                    fields[fields.count - 1].append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":", fields.count < 5 {
                    fields.append("")
                } else {
                    fields[fields.count - 1].append(character)
                }
            }
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// `postgres://user@host:port/database`, for messages and `db status`.
    public var display: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }
}
