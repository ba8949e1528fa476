import Foundation
import IncidentCore
import TerminalUI
import Yams

/// A theme file (Themes/*.yaml) read straight into styles: each role it names, by `ThemeRole`'s
/// own names, and the parts of that role's style it overrides.
///
/// Everything a user can get wrong is checked now, with the file, line and key in the message, so
/// a typo never silently falls back to defaults.
public struct ThemeFile: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// The built-in theme the roles are applied on: `dark` (default) or `none` (unstyled).
    public var base: String
    public var roles: [ThemeRole: StyleOverride]

    public init(
        name: String, description: String? = nil, base: String = "dark", roles: [ThemeRole: StyleOverride] = [:]
    ) {
        self.name = name
        self.description = description
        self.base = base
        self.roles = roles
    }

    public static let baseNames: [String] = ["dark", "none"]

    private static let attributeKeys = ["bold", "underline", "reverse", "dim"]
    private static let styleKeys = ["fg", "bg", "foreground", "background"] + attributeKeys

    /// Finds a theme by name or path: anything with a `/` or a `.yaml`/`.yml` ending is a path;
    /// otherwise `NAME.yaml` is looked for in each folder in order (user themes before shipped).
    public static func locate(_ nameOrPath: String, in folders: [String]) -> String? {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        if isPath { return FileManager.default.fileExists(atPath: nameOrPath) ? nameOrPath : nil }
        for folder in folders {
            for fileExtension in ["yaml", "yml"] {
                let candidate = (folder as NSString).appendingPathComponent("\(nameOrPath).\(fileExtension)")
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    public static func load(path: String) throws -> ThemeFile {
        guard let text = try YAMLDocument.text(atPath: path) else {
            throw ConfigError(file: path, line: nil, message: "cannot be read")
        }
        return try parse(text, file: path)
    }

    /// Parses theme YAML; `file` is used in messages and, without a `name:` key, as the name.
    public static func parse(_ text: String, file: String) throws -> ThemeFile {
        let root = try YAMLDocument.compose(text, file: file)
        let defaultName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var theme = ThemeFile(name: defaultName)
        guard let root else { return theme }
        guard let mapping = root.mapping else {
            throw ConfigError(file: file, line: root.mark?.line, message: "must be a mapping with a `roles:` section")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            switch key {
            case "name":
                guard let name = value.string, !name.isEmpty else {
                    throw ConfigError(file: file, line: line, message: "`name` must be text")
                }
                theme.name = name
            case "description":
                theme.description = value.string
            case "base":
                guard let base = value.string, baseNames.contains(base) else {
                    throw ConfigError(
                        file: file, line: line,
                        message: "`base` must be one of \(baseNames.joined(separator: ", "))")
                }
                theme.base = base
            case "roles":
                theme.roles = try parseRoles(value, file: file, line: line)
            default:
                throw ConfigError(
                    file: file, line: line,
                    message: "`\(key)`: unknown key (known: name, description, base, roles)")
            }
        }
        return theme
    }

    private static func parseRoles(_ node: Node, file: String, line: Int?) throws -> [ThemeRole: StyleOverride] {
        if node.null != nil { return [:] }
        guard let mapping = node.mapping else {
            throw ConfigError(file: file, line: line, message: "`roles` must map role names to styles")
        }
        var roles: [ThemeRole: StyleOverride] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            let roleLine = keyNode.mark?.line
            guard let role = ThemeRole(name: name) else {
                let known = ThemeRole.allCases.map(\.name).joined(separator: ", ")
                throw ConfigError(
                    file: file, line: roleLine, message: "`roles.\(name)`: unknown role (known: \(known))")
            }
            roles[role] = try parseStyle(value, role: name, file: file, line: roleLine)
        }
        return roles
    }

    private static func parseStyle(_ node: Node, role: String, file: String, line: Int?) throws -> StyleOverride {
        var style = StyleOverride()
        // Shorthand: `severity.P0: red` sets only the foreground.
        if node.scalar != nil, node.null == nil {
            style.foreground = try color(node, key: "roles.\(role)", file: file)
            return style
        }
        guard let mapping = node.mapping else {
            throw ConfigError(
                file: file, line: line,
                message: "`roles.\(role)`: must be a colour or a mapping of \(styleKeys.joined(separator: ", "))")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let path = "roles.\(role).\(key)"
            switch key {
            case "fg", "foreground":
                style.foreground = try color(value, key: path, file: file)
            case "bg", "background":
                style.background = try color(value, key: path, file: file)
            case "bold", "underline", "reverse", "dim":
                guard value.scalar != nil, let flag = value.bool else {
                    throw ConfigError(
                        file: file, line: value.mark?.line ?? keyNode.mark?.line,
                        message: "`\(path)`: must be true or false")
                }
                switch key {
                case "bold": style.bold = flag
                case "underline": style.underline = flag
                case "reverse": style.reverse = flag
                default: style.dim = flag
                }
            default:
                throw ConfigError(
                    file: file, line: keyNode.mark?.line,
                    message: "`\(path)`: unknown key (known: \(styleKeys.joined(separator: ", ")))")
            }
        }
        return style
    }

    private static func color(_ node: Node, key: String, file: String) throws -> ColorSpec {
        let line = node.mark?.line
        guard let scalar = node.scalar, node.null == nil else {
            throw ConfigError(
                file: file, line: line,
                message:
                    "`\(key)`: missing colour (write #rrggbb in quotes, \"#ff5f00\": a bare # starts a YAML comment)")
        }
        guard let color = ColorSpec(parsing: scalar.string) else {
            throw ConfigError(
                file: file, line: line,
                message:
                    "`\(key)`: '\(scalar.string)' is not a colour (use a name such as red or brightBlue, 0–255, or \"#rrggbb\")"
            )
        }
        return color
    }
}
