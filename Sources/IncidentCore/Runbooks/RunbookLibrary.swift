import Foundation

/// Where runbooks are found: folders from config (`runbooks:`), then `$SITREP_RUNBOOKS`
/// (colon-separated), then `./Runbooks`. A name is a file stem; the first folder that has it wins.
public struct RunbookLibrary: Sendable {
    public var folders: [String]

    public init(folders: [String]) {
        self.folders = folders
    }

    public init(config: SitrepConfig, environment: [String: String] = ProcessInfo.processInfo.environment) {
        var folders = config.runbookFolders.map { Self.expandingTilde($0, environment: environment) }
        if let extra = environment["SITREP_RUNBOOKS"] {
            folders += extra.split(separator: ":").map { Self.expandingTilde(String($0), environment: environment) }
        }
        folders.append("Runbooks")
        var seen = Set<String>()
        self.folders = folders.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
    }

    static func expandingTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }

    /// One runbook file in the library.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var path: String
    }

    /// Every `*.md` file in the folders, sorted by name; a name already seen in an earlier folder is hidden.
    public func entries() -> [Entry] {
        var byName: [String: Entry] = [:]
        var order: [String] = []
        for folder in folders {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for file in files.sorted() where file.hasSuffix(".md") && !file.hasPrefix(".") {
                let name = String(file.dropLast(3))
                guard byName[name] == nil, file.lowercased() != "readme.md" else { continue }
                byName[name] = Entry(name: name, path: (folder as NSString).appendingPathComponent(file))
                order.append(name)
            }
        }
        return order.sorted().map { byName[$0]! }
    }

    /// A path (anything with a `/` or ending in `.md`) as given, else the named runbook in the folders.
    public func resolve(_ nameOrPath: String) throws(RunbookLookupError) -> String {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".md") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw RunbookLookupError(message: "\(nameOrPath): no such runbook file")
            }
            return nameOrPath
        }
        if let entry = entries().first(where: { $0.name == nameOrPath }) { return entry.path }
        let searched = folders.isEmpty ? "no folders" : folders.joined(separator: ", ")
        throw RunbookLookupError(message: "no runbook named `\(nameOrPath)` (searched \(searched))")
    }
}
