import ArgumentParser
import Foundation
import IncidentCore

/// Options every store-backed command shares, and the one place that turns failures into exit codes.
public struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Database file (default: $SITREP_DB or $XDG_DATA_HOME/sitrep/sitrep.sqlite).", valueName: "path"))
    public var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Config file (default: $XDG_CONFIG_HOME/sitrep/config.yaml).", valueName: "path"))
    public var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Name to sign entries with (default: $SITREP_USER, config, login name).", valueName: "name"))
    public var user: String?

    public init() {}

    public var paths: SitrepPaths { SitrepPaths.resolve(database: db, config: config) }

    /// Which setting named the database, for messages about its value.
    var databaseOption: String {
        if db != nil { return "--db" }
        return ProcessInfo.processInfo.environment["SITREP_DB", default: ""].isEmpty
            ? "the default database" : "SITREP_DB"
    }

    /// Opens the store and runs `body`, mapping store and config errors to sysexits codes.
    /// Commands that only read pass `readOnly`, so they never write or sync the database file.
    /// Commands that keep running (console, watchers, runbook runs) pass `longLived` for a pool whose
    /// reads go beside writes and write what they do to the log file; the rest get one connection,
    /// which opens faster, and log nothing.
    public func run<T>(
        readOnly: Bool = false, longLived: Bool = false,
        _ body: (_ store: any SitrepStore, _ author: String) throws -> T
    ) throws -> T {
        do {
            let paths = self.paths
            let settings = try SitrepConfig.load(path: paths.config)
            let store = try StoreLocation(parsing: paths.database, option: databaseOption).open(
                readOnly: readOnly, concurrentReads: longLived)
            if longLived { Self.openLog(path: paths.log) }
            return try body(store, AuthorResolver.resolve(flag: user, config: settings))
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("sitrep: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data("sitrep: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }

    /// A log that cannot be written is worth a warning, never a refusal: the incident comes first.
    static func openLog(path: String) {
        do {
            try LogFile.open(path: path)
        } catch {
            FileHandle.standardError.write(Data("sitrep: \(error); continuing without a log\n".utf8))
        }
    }
}
