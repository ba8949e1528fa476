import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Decides whose name goes on an entry: `--user`, then `SITREP_USER`, then the config, then the login.
public enum AuthorResolver {
    public static func resolve(
        flag: String?, config: SitrepConfig, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        for candidate in [flag, environment["SITREP_USER"], config.user] {
            if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        return loginName(environment: environment)
    }

    /// The account name, which works without a terminal (where `getlogin` fails).
    static func loginName(environment: [String: String]) -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }
}
