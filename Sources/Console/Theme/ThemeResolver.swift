import IncidentCore
import TerminalUI

/// Turns a theme name or path into a `Theme`. A missing or broken theme file never stops the
/// console: it falls back to the default theme and says why.
public enum ThemeResolver {
    public struct Resolution: Sendable {
        public var theme: Theme
        /// Why the requested theme was not used, for the console to show.
        public var notice: String?
    }

    public static func resolve(_ nameOrPath: String?, folders: [String], depth: ColorDepth) -> Resolution {
        guard depth != .monochrome else { return Resolution(theme: .monochrome, notice: nil) }
        guard let nameOrPath, !nameOrPath.isEmpty else { return Resolution(theme: .dark, notice: nil) }
        guard let path = ThemeFile.locate(nameOrPath, in: folders) else {
            if nameOrPath == "dark" { return Resolution(theme: .dark, notice: nil) }
            return Resolution(
                theme: Theme.dark.effective(for: depth),
                notice: "Theme \(nameOrPath) not found (looked in \(folders.joined(separator: ", "))); using dark")
        }
        do {
            return Resolution(theme: theme(from: try ThemeFile.load(path: path)).effective(for: depth), notice: nil)
        } catch {
            return Resolution(theme: Theme.dark.effective(for: depth), notice: "\(error); using the dark theme")
        }
    }

    /// Applies a parsed theme file on top of its base, overriding only the roles it names.
    public static func theme(from file: ThemeFile) -> Theme {
        let base = file.base == "none" ? Theme.plain : Theme.dark
        return base.overriding(file.roles, name: file.name)
    }
}
