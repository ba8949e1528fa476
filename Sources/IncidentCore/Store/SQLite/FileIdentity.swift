#if canImport(Glibc)
    import Glibc
#endif

/// Which file a path named when the store opened it. A database deleted or replaced under an
/// open store keeps taking writes into the old, unlinked file, where nobody will ever read them:
/// comparing identities before each write turns that into a refusal.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The file at `path` now; nil when there is none.
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
