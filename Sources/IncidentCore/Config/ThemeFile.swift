import Foundation
import Yams

/// A theme file (Themes/*.yaml) read into plain values: role name → colours and attributes.
///
/// IncidentCore does not know about terminals, so colours stay strings here and the console
/// turns them into styles. Everything a user can get wrong is checked now, with the file,
/// line and key in the message, so a typo never silently falls back to defaults.
public struct ThemeFile: Sendable, Equatable {
    /// What a theme file says about one role; nil means "keep the base theme's value".
    public struct RoleStyle: Sendable, Equatable {
        public var foreground: String?
        public var background: String?
        public var bold: Bool?
        public var underline: Bool?
        public var reverse: Bool?
        public var dim: Bool?
        /// Where the role is named, for later messages.
        public var line: Int?

        public init(
            foreground: String? = nil,
            background: String? = nil,
            bold: Bool? = nil,
            underline: Bool? = nil,
            reverse: Bool? = nil,
            dim: Bool? = nil,
            line: Int? = nil
        ) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
            self.underline = underline
            self.reverse = reverse
            self.dim = dim
            self.line = line
        }
    }

    public var name: String
    public var description: String?
    /// The built-in theme the roles are applied on: `dark` (default) or `none` (unstyled).
    public var base: String
    public var roles: [String: RoleStyle]

    public init(name: String, description: String? = nil, base: String = "dark", roles: [String: RoleStyle] = [:]) {
        self.name = name
        self.description = description
        self.base = base
        self.roles = roles
    }

    /// The role names a theme may use; the console's `ThemeRole` raw values must match.
    public static let roleNames: [String] = [
        "text", "dim", "emphasis", "paneBorder", "paneBorderFocused", "paneTitle", "paneTitleFocused",
        "columnHeader", "selection", "selectionUnfocused", "statusBar", "statusBarEmphasis", "prompt", "input",
        "placeholder", "error", "warning", "notice", "helpKey", "helpText",
        "severity.P0", "severity.P1", "severity.P2", "severity.P3",
        "status.detected", "status.acknowledged", "status.investigating", "status.mitigated", "status.resolved",
        "status.closed",
        "health.up", "health.down", "health.unknown",
        "step.pending", "step.running", "step.succeeded", "step.failed", "step.skipped",
        "timeline.note", "timeline.decision", "timeline.status", "timeline.severity", "timeline.role",
        "timeline.actionItem", "timeline.runbookStep", "timeline.commandOutput", "timeline.health",
        "timeline.handoff", "timeline.comms",
    ]

    public static let baseNames: [String] = ["dark", "none"]

    /// Colour names accepted besides `0`–`255` and `#rrggbb`; case, `-`, `_` and spaces are ignored.
    public static let colorNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow", "brightBlue", "brightMagenta", "brightCyan",
        "brightWhite", "gray", "grey", "lightGray", "lightGrey", "silver", "default", "none", "terminal",
    ]

    private static let attributeKeys = ["bold", "underline", "reverse", "dim"]
    private static let styleKeys = ["fg", "bg", "foreground", "background"] + attributeKeys

    /// True for a colour the console can draw: a name, `0`–`255` or `#rrggbb`.
    public static func isValidColor(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#") {
            let digits = trimmed.dropFirst()
            return digits.count == 6 && digits.allSatisfy(\.isHexDigit)
        }
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return Int(trimmed).map { (0...255).contains($0) } ?? false
        }
        let key = trimmed.lowercased().filter(\.isLetter)
        return !key.isEmpty && colorNames.contains { $0.lowercased() == key }
    }

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

    private static func parseRoles(_ node: Node, file: String, line: Int?) throws -> [String: RoleStyle] {
        if node.null != nil { return [:] }
        guard let mapping = node.mapping else {
            throw ConfigError(file: file, line: line, message: "`roles` must map role names to styles")
        }
        var roles: [String: RoleStyle] = [:]
        for (keyNode, value) in mapping {
            let role = keyNode.string ?? ""
            let roleLine = keyNode.mark?.line
            guard roleNames.contains(role) else {
                throw ConfigError(
                    file: file, line: roleLine,
                    message: "`roles.\(role)`: unknown role (known: \(roleNames.joined(separator: ", ")))")
            }
            roles[role] = try parseStyle(value, role: role, file: file, line: roleLine)
        }
        return roles
    }

    private static func parseStyle(_ node: Node, role: String, file: String, line: Int?) throws -> RoleStyle {
        var style = RoleStyle(line: line)
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

    private static func color(_ node: Node, key: String, file: String) throws -> String {
        let line = node.mark?.line
        guard let scalar = node.scalar, node.null == nil else {
            throw ConfigError(
                file: file, line: line,
                message:
                    "`\(key)`: missing colour (write #rrggbb in quotes, \"#ff5f00\": a bare # starts a YAML comment)")
        }
        guard isValidColor(scalar.string) else {
            throw ConfigError(
                file: file, line: line,
                message:
                    "`\(key)`: '\(scalar.string)' is not a colour (use a name such as red or brightBlue, 0–255, or \"#rrggbb\")"
            )
        }
        return scalar.string.trimmingCharacters(in: .whitespaces)
    }
}
