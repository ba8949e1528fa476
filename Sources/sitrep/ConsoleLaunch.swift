import Foundation
import IncidentCore

/// Process-level set-up for the console that is not the console's own business.
enum ConsoleLaunch {
    /// Where themes are looked for, user folders first.
    static func themeFolders(paths: SitrepPaths) -> [String] {
        var folders: [String] = []
        if let custom = ProcessInfo.processInfo.environment["SITREP_THEMES"], !custom.isEmpty { folders.append(custom) }
        folders.append((paths.config as NSString).deletingLastPathComponent + "/themes")
        folders.append(FileManager.default.currentDirectoryPath + "/Themes")
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let besideBuild = executable.deletingLastPathComponent().appendingPathComponent("../../Themes").standardized
            .path
        folders.append(besideBuild)
        folders.append(
            executable.deletingLastPathComponent().appendingPathComponent("../share/sitrep/Themes").standardized.path)
        var seen = Set<String>()
        return folders.filter { seen.insert($0).inserted }
    }

    /// A crash must not leave an interactive backtracer waiting on a screen the user cannot see:
    /// restart once with `SWIFT_BACKTRACE=interactive=no` unless the user chose otherwise.
    static func preferQuietCrashes() {
        guard ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", arguments)
    }
}
