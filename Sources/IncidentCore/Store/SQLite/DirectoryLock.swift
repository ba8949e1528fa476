import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on the database's folder, held while a database is being created or
/// migrated so that concurrent first opens take turns. It locks the folder, not the file,
/// because closing any descriptor of the database file would drop SQLite's own POSIX locks.
final class DirectoryLock {
    private var descriptor: Int32 = -1

    init(forDatabaseAt path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 { flock(descriptor, LOCK_EX) }
    }

    deinit { release() }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
