import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds a program in `PATH` before the step starts. swift-subprocess's `.name` lookup forks a
/// child for every `PATH` entry it tries, which made starting a step several times slower than
/// starting the program itself.
enum ExecutableLookup {
    /// The first executable regular file named `program` in the folders of `searchPath`, or nil.
    static func resolve(_ program: String, searchPath: String?) -> String? {
        guard !program.isEmpty, !program.contains("/") else { return nil }
        for folder in (searchPath ?? "").split(separator: ":", omittingEmptySubsequences: false) {
            // An empty entry means the current directory, as in execvp.
            let directory = folder.isEmpty ? "." : String(folder)
            let candidate = directory + "/" + program
            var info = stat()
            guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0
            else { continue }
            return candidate
        }
        return nil
    }
}
