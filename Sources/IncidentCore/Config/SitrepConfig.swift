import Foundation
import Yams

/// The user's `config.yaml`. A missing file is an empty config; a broken one is an error
/// naming the file and line.
public struct SitrepConfig: Sendable, Equatable {
    public var user: String?
    public var theme: String?
    public var runbookFolders: [String]
    /// Extra regular expressions whose matches reports replace with `[REDACTED]` (`redact:`).
    public var redactPatterns: [String]
    /// The Mustache file `sitrep postmortem` uses when no `--template` is given.
    public var postmortemTemplate: String?
    /// `sitrep serve`'s listener, token, label mapping and routes (`serve:`).
    public var serve = ServeSettings()
    /// The raw `endpoints:` section is read by the health checks, not here.
    public static let knownKeys: Set<String> = [
        "user", "theme", "runbooks", "severities", "endpoints", "redact", "postmortem-template", "health-retention",
        "serve",
    ]

    public init(
        user: String? = nil, theme: String? = nil, runbookFolders: [String] = [], redactPatterns: [String] = [],
        postmortemTemplate: String? = nil
    ) {
        self.user = user
        self.theme = theme
        self.runbookFolders = runbookFolders
        self.redactPatterns = redactPatterns
        self.postmortemTemplate = postmortemTemplate
    }

    /// The redactor for reports: the built-in secret patterns plus this config's `redact:` list.
    public func redactor() throws -> Redactor {
        do {
            return try Redactor(extraPatterns: redactPatterns)
        } catch {
            throw ConfigError(file: "config.yaml", line: nil, message: "a `redact` pattern does not compile: \(error)")
        }
    }

    public static func load(path: String) throws -> SitrepConfig {
        guard let text = try YAMLDocument.text(atPath: path) else { return SitrepConfig() }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> SitrepConfig {
        let root = try YAMLDocument.compose(text, file: file)
        guard let root else { return SitrepConfig() }
        guard let mapping = root.mapping else {
            throw ConfigError(file: file, line: root.mark.map { $0.line }, message: "must be a mapping of settings")
        }
        var config = SitrepConfig()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            switch key {
            case "user":
                guard let name = value.string, !name.isEmpty else {
                    throw ConfigError(file: file, line: line, message: "`user` must be a name")
                }
                config.user = name
            case "theme":
                guard let name = value.string, !name.isEmpty else {
                    throw ConfigError(file: file, line: line, message: "`theme` must be a theme name or path")
                }
                config.theme = name
            case "runbooks":
                if let single = value.string {
                    config.runbookFolders = [single]
                } else if let list = value.sequence {
                    config.runbookFolders = try list.map { item in
                        guard let folder = item.string else {
                            throw ConfigError(
                                file: file, line: item.mark?.line, message: "`runbooks` entries must be folder paths")
                        }
                        return folder
                    }
                } else {
                    throw ConfigError(
                        file: file, line: line, message: "`runbooks` must be a folder or a list of folders")
                }
            case "redact":
                let items = value.string.map { _ in [value] } ?? value.sequence.map(Array.init)
                guard let items else {
                    throw ConfigError(
                        file: file, line: line, message: "`redact` must be a regular expression or a list of them")
                }
                config.redactPatterns = try items.map { item in
                    guard let pattern = item.string, !pattern.isEmpty else {
                        throw ConfigError(
                            file: file, line: item.mark?.line, message: "`redact` entries must be regular expressions")
                    }
                    if let problem = Redactor.problem(with: pattern) {
                        throw ConfigError(file: file, line: item.mark?.line, message: "`redact` entry \(problem)")
                    }
                    return pattern
                }
            case "postmortem-template":
                guard let path = value.string, !path.isEmpty else {
                    throw ConfigError(
                        file: file, line: line, message: "`postmortem-template` must be the path of a Mustache file")
                }
                // Relative paths are relative to the config file, wherever sitrep is run from.
                let folder = (file as NSString).deletingLastPathComponent
                config.postmortemTemplate =
                    path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
            case "serve":
                config.serve = try ServeSettings.parse(value, file: file)
            default:
                if !knownKeys.contains(key) {
                    throw ConfigError(
                        file: file, line: line,
                        message: "unknown setting `\(key)` (known: \(knownKeys.sorted().joined(separator: ", ")))")
                }
            }
        }
        return config
    }
}
