import Foundation

/// Where sitrep keeps things, following the XDG base directory rules.
public struct SitrepPaths: Sendable, Equatable {
    public var database: String
    public var config: String
    public var log: String

    /// `--db`/`--config` win over `SITREP_DB`/`SITREP_CONFIG`, which win over the XDG defaults.
    public static func resolve(
        database: String?, config: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> SitrepPaths {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        let data = base("XDG_DATA_HOME", ".local/share") + "/sitrep"
        let configuration = base("XDG_CONFIG_HOME", ".config") + "/sitrep"
        let state = base("XDG_STATE_HOME", ".local/state") + "/sitrep"
        return SitrepPaths(
            database: database ?? environment["SITREP_DB"].flatMap { $0.isEmpty ? nil : $0 }
                ?? data + "/sitrep.sqlite",
            config: config ?? environment["SITREP_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
                ?? configuration + "/config.yaml",
            log: state + "/sitrep.log")
    }
}
