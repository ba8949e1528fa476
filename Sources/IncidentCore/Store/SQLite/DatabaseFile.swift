import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// Checks a database path before SQLite touches it, so a foreign or damaged file is never modified.
enum DatabaseFile {
    /// Creates the parent directory (0700) and an empty database file (0600) when missing.
    static func prepare(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.io("cannot create directory \(directory): \(error.localizedDescription)")
            }
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw StoreError.io("cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// True when the file's own header already carries sitrep's application id: the fast path
    /// for every open after the first.
    static func headerIsSitrep(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 72), header.count == 72 else { return false }
        let bytes = Array(header)
        let identifier = Int32(
            bitPattern: UInt32(bytes[68]) << 24 | UInt32(bytes[69]) << 16
                | UInt32(bytes[70]) << 8 | UInt32(bytes[71]))
        return identifier == StoreMigrations.applicationID
    }

    /// Refuses a file shorter than its own header says, when the header's size is current: a copy
    /// or restore cut short. SQLite would read what is left and write beyond it, damaging more.
    /// With frames in a `-wal` file the check is left to SQLite: a checkpoint interrupted by a
    /// crash may have written page 1 before the last page, and replaying the log mends that.
    static func checkLength(path: String) throws {
        let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard log == 0, let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 100), header.count == 100,
            let size = try? handle.seekToEnd()
        else { return }
        let bytes = Array(header)
        func number(at offset: Int) -> UInt64 {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt64($1) }
        }
        let rawPageSize = UInt64(bytes[16]) << 8 | UInt64(bytes[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        // The page count is only kept when the change counter matches "version valid for".
        guard Array(bytes.prefix(15)) == Array("SQLite format 3".utf8), pageSize >= 512,
            number(at: 24) == number(at: 92)
        else { return }
        let expected = number(at: 28) * pageSize
        if size < expected {
            throw StoreError.unusableDatabase(
                path: path,
                reason: "is damaged: \(size) bytes where its header says \(expected) (cut short by a copy or restore?)")
        }
    }

    /// Refuses files that are not SQLite, belong to another application, or are damaged.
    static func checkIdentity(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }
        let magic = Array("SQLite format 3".utf8) + [0]
        guard header.count == 100, Array(header.prefix(16)) == magic else {
            throw StoreError.unusableDatabase(path: path, reason: "is not a SQLite database, so not a sitrep database")
        }
        let bytes = Array(header)
        let headerApplicationID = Int32(
            bitPattern: UInt32(bytes[68]) << 24 | UInt32(bytes[69]) << 16
                | UInt32(bytes[70]) << 8 | UInt32(bytes[71]))
        if headerApplicationID == StoreMigrations.applicationID { return }
        // In WAL mode the newest header may still sit in the -wal file: ask SQLite, read-only.
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            // `grdb_migrations` alone means another sitrep process is creating this file right now.
            let (applicationID, objectCount) = try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations'") ?? 0
                )
            }
            try queue.close()
            if applicationID == StoreMigrations.applicationID { return }
            if applicationID != 0 {
                throw StoreError.unusableDatabase(
                    path: path,
                    reason: "is a SQLite database of another application (application_id \(applicationID)), "
                        + "not a sitrep database")
            }
            if objectCount > 0 {
                throw StoreError.unusableDatabase(
                    path: path, reason: "is a SQLite database with tables of its own, not a sitrep database")
            }
        } catch let error as DatabaseError {
            throw StoreErrorMapping.map(error, path: path)
        }
    }
}
