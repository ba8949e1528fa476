import Foundation

/// A tmpfs of a few megabytes mounted in a test's folder, to fill up or make read-only while
/// sitrep writes to it. Mounting needs root (or CAP_SYS_ADMIN): `mount` says nil otherwise, and
/// the test prints why it skipped.
struct SmallDisk {
    let path: String

    /// Mounts a `bytes`-sized tmpfs at `path`; nil with the reason when it cannot be mounted here.
    static func mount(at path: String, bytes: Int) throws -> (disk: SmallDisk?, reason: String) {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes),mode=0700", "tmpfs", path])
        guard result.status == 0 else { return (nil, "cannot mount a tmpfs here: \(result.output)") }
        return (SmallDisk(path: path), "")
    }

    func remount(readOnly: Bool) -> Bool {
        Self.run("/bin/mount", ["-o", readOnly ? "remount,ro" : "remount,rw", path]).status == 0
    }

    func unmount() {
        _ = Self.run("/bin/umount", ["-l", path])
    }

    /// Writes `filler` in 64 KiB pieces until the disk refuses; returns the bytes it took.
    @discardableResult
    func fill(_ name: String = "filler", atMost limit: Int = .max) -> Int {
        let filler = path + "/" + name
        let descriptor = open(filler, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        let piece = [UInt8](repeating: 0x5A, count: 65_536)
        var written = 0
        while written < limit {
            let count = piece.withUnsafeBytes { write(descriptor, $0.baseAddress, min(piece.count, limit - written)) }
            guard count > 0 else { break }
            written += count
        }
        return written
    }

    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }
}
