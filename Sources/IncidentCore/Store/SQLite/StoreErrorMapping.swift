import Foundation
import GRDB

/// Turns SQLite's result codes into messages about the user's file, not about SQLite.
enum StoreErrorMapping {
    static func map(_ error: any Error, path: String) -> any Error {
        guard let databaseError = error as? DatabaseError else { return error }
        let detail = databaseError.message ?? "\(databaseError.resultCode)"
        switch databaseError.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError.unusableDatabase(path: path, reason: "is corrupt (\(detail))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.io("\(path) stayed locked by another process for too long (\(detail)); try again")
        case .SQLITE_FULL:
            return StoreError.io("\(path): the disk is full; nothing was written")
        case .SQLITE_IOERR where walRemoved(path):
            return StoreError.io(
                "\(path): its -wal file was removed while a sitrep had the database open; close every sitrep on it and try again (its latest changes may be lost) (\(detail))"
            )
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_AUTH:
            return StoreError.io("\(path): \(detail)")
        default:
            return StoreError.io("\(path): database error: \(detail)")
        }
    }

    /// An I/O error with the shared-memory index in place but its log missing or empty (SQLite
    /// creates an empty one on open) means someone deleted the `-wal` file under an open sitrep.
    static func walRemoved(_ path: String) -> Bool {
        let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return FileManager.default.fileExists(atPath: path + "-shm") && log == 0
    }
}
