import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Drives the real `sitrep` console inside a private tmux server: keys in with send-keys, the
/// screen out with capture-pane. Each session has its own socket, so tests never collide.
final class TmuxSession {
    let socket = "sitrep-test-\(UUID().uuidString.prefix(8))"
    let cli: CLIRunner

    /// Starts `sitrep ARGUMENTS` (or `shell`, a command line run by sh) in the CLI's environment.
    init(cli: CLIRunner, width: Int = 120, height: Int = 40, arguments: [String] = [], shell: String? = nil) throws {
        self.cli = cli
        let environment = cli.environment.merging(["TERM": "xterm-256color", "SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let program =
            shell.map { "sh -c \(Self.quote($0))" }
            ?? Self.quote(CLIRunner.binary) + " " + arguments.map(Self.quote).joined(separator: " ")
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height), "-s", "main",
            "env -i \(exports) \(program)",
        ])
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"])
    }

    /// Sends tmux key names (`Enter`, `Escape`, `j`) one by one.
    func keys(_ names: String...) throws {
        for name in names { try tmux(["send-keys", "-t", "main", name]) }
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
    }

    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds, failing after `limit` seconds. Polling is how a
    /// person watches a terminal; the limit only bounds a hang.
    @discardableResult
    func waitFor(_ what: String, limit: TimeInterval = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(limit)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        throw CLIRunner.Failure("timed out waiting for \(what); screen was:\n\(last)")
    }

    func waitFor(text: String, limit: TimeInterval = 15) throws {
        try waitFor("“\(text)”", limit: limit) { $0.contains(text) }
    }
}
