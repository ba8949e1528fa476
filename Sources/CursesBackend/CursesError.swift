import Glibc

/// Why the curses terminal could not start, worded for a one-line message to the user.
public enum CursesError: Error, Equatable, CustomStringConvertible {
    /// terminfo has no entry for `TERM` (or `TERM` is unset).
    case unknownTerminal(String)
    /// Only one curses screen can own the process's terminal and signal handlers at a time.
    case alreadyActive
    /// A file or pseudo-terminal could not be opened; `errno` is kept for the message.
    case systemCall(String, errno: Int32)

    public var description: String {
        switch self {
        case .unknownTerminal(let name) where name.isEmpty:
            "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color) or use the CLI commands"
        case .unknownTerminal(let name):
            "unknown terminal type '\(name)' (no terminfo entry); try TERM=xterm-256color or use the CLI commands"
        case .alreadyActive:
            "a curses terminal is already active in this process"
        case .systemCall(let call, let code):
            "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
