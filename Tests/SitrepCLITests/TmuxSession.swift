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

    /// Runs a tmux client with posix_spawn and waitpid. Foundation's Process notices exit through
    /// an inherited pipe, which the tmux server (forked from the first client) would hold forever.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        // The test runner may block or ignore signals; the console under test must see them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw CLIRunner.Failure("cannot start tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
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
