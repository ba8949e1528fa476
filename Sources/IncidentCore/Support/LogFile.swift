import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// sitrep's log file (`$XDG_STATE_HOME/sitrep/sitrep.log`): what long-running commands did, step
/// by step, since nothing may print while curses owns the screen. Until `open` runs (every one-shot
/// command, every test) log lines go nowhere, so they can never mix into a command's output.
public enum LogFile {
    /// The open file, appended to with one `write` per line so processes sharing it never interleave.
    private static let descriptor = Mutex<Int32?>(nil)

    /// What IncidentCore logs with.
    static let logger = Logger(label: "sitrep", factory: { LogFileHandler(label: $0) })

    /// Opens (creating folder 0700 and file 0600) the log for appending; later lines go there.
    public static func open(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let opened = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard opened >= 0 else {
            throw StoreError.io("cannot open the log file \(path): \(String(cString: strerror(errno)))")
        }
        let previous = descriptor.withLock { current in
            defer { current = opened }
            return current
        }
        if let previous { Glibc.close(previous) }
    }

    /// Stops logging (tests, and a command that is done).
    public static func close() {
        if let previous = descriptor.withLock({ current in
            defer { current = nil }
            return current
        }) {
            Glibc.close(previous)
        }
    }

    static var isOpen: Bool { descriptor.withLock { $0 != nil } }

    static func append(_ line: String) {
        descriptor.withLock { current in
            guard let current else { return }
            let bytes = Array(line.utf8)
            _ = bytes.withUnsafeBytes { write(current, $0.baseAddress, $0.count) }
        }
    }
}
