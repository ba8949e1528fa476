import Foundation

/// Runs the built `sitrep` binary as a user would, in a private folder with its own database.
struct CLIRunner: Sendable {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let folder: String
    var database: String { folder + "/sitrep.sqlite" }
    var environment: [String: String]
    /// This runner's schema on the test server, when the suite runs on PostgreSQL.
    let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")

    /// The test server's URL when `SITREP_TEST_BACKEND=postgres`: every runner then gets a schema
    /// of its own there instead of a file, so the same tests check both backends.
    static let postgresURL: String? = {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SITREP_TEST_BACKEND"] == "postgres" else { return nil }
        guard let url = environment["SITREP_TEST_POSTGRES"], !url.isEmpty else {
            fatalError("SITREP_TEST_BACKEND=postgres needs SITREP_TEST_POSTGRES, the test server's URL")
        }
        return url
    }()

    static var onSQLite: Bool { postgresURL == nil }
    /// CI must run every test: a tool missing there is a failure, not a skip.
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["SITREP_BIN"] { return explicit }
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [
            testBundle.appendingPathComponent("sitrep"), Bundle.main.bundleURL.appendingPathComponent("sitrep"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sitrep"),
        ] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        fatalError("cannot find the built sitrep binary near \(testBundle.path); set SITREP_BIN")
    }()

    /// The developers' binary (data generators, demo services), built beside `sitrep`.
    static let benchBinary: String = {
        let path = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("sitrep-bench").path
        guard FileManager.default.isExecutableFile(atPath: path) else { fatalError("cannot find \(path)") }
        return path
    }()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder,
            "XDG_CONFIG_HOME": folder + "/config",
            "XDG_DATA_HOME": folder + "/data",
            "SITREP_DB": Self.postgresURL.map { [schema] in "\($0)?schema=\(schema)" } ?? folder + "/sitrep.sqlite",
            "SITREP_USER": "alice",
            "LANG": "C.UTF-8",
        ]
    }

    /// Starts the binary without waiting, for tests that run several writers at once.
    func start(_ arguments: [String], stdout: FileHandle? = nil, binary: String = binary) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        return process
    }

    @discardableResult
    func run(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let out = folder + "/out-\(UUID().uuidString)"
        let err = out + ".err"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Runs and expects success, returning trimmed standard output.
    func ok(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw Failure("sitrep \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs SQL behind sitrep's back, written for SQLite's tables; on PostgreSQL the camel-case
    /// names become the snake-case ones there and `group_concat(x)` becomes `string_agg(x, ',')`.
    func sqlite(_ sql: String) throws -> String {
        let process = Process()
        if let url = Self.postgresURL {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            process.arguments = ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", Self.postgresSQL(sql)]
            process.environment = ["PGOPTIONS": "-c search_path=\(schema)", "PATH": "/usr/bin:/bin"]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [database, sql]
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func postgresSQL(_ sql: String) -> String {
        let translated = sql.replacingOccurrences(
            of: #"([a-z])([A-Z])"#, with: "$1_$2", options: .regularExpression
        ).lowercased()
        return translated.replacingOccurrences(
            of: #"group_concat\(([^()]*(\([^()]*\))?[^()]*)\)"#, with: "string_agg($1, ',')",
            options: .regularExpression)
    }
}
