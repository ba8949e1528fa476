/// Maps every `ThemeRole` to a `Style`.
///
/// A theme only stores the roles it sets; the rest resolve through `ThemeRole.fallback`, so
/// theme files and overrides can stay short. Built-ins: `dark` (the default, mirrored by
/// Themes/dark.yaml), `monochrome` (for `NO_COLOR` and colourless terminals) and `plain`.
public struct Theme: Hashable, Sendable {
    public var name: String
    public private(set) var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for a role, following fallbacks when the theme does not set it.
    public subscript(role: ThemeRole) -> Style {
        var current: ThemeRole? = role
        while let candidate = current {
            if let style = styles[candidate] { return style }
            current = candidate.fallback
        }
        return .plain
    }

    /// A copy where the named parts of the named roles are replaced and everything else is
    /// kept, which is how a theme file is applied on top of its base.
    public func overriding(_ overrides: [ThemeRole: StyleOverride], name: String? = nil) -> Theme {
        var copy = self
        if let name { copy.name = name }
        for (role, override) in overrides {
            copy.styles[role] = override.applied(to: self[role])
        }
        return copy
    }

    /// A copy with one role set to a complete style.
    public func setting(_ role: ThemeRole, to style: Style) -> Theme {
        var copy = self
        copy.styles[role] = style
        return copy
    }

    /// The theme to draw with at `depth`: monochrome terminals get `Theme.monochrome`, since
    /// colour-only distinctions would vanish there.
    public func effective(for depth: ColorDepth) -> Theme {
        depth == .monochrome ? .monochrome : self
    }

    /// Every role unstyled; the base of a theme file that says `base: none`.
    public static let plain = Theme(name: "plain", styles: [.text: .plain])

    /// The default theme, for dark terminal backgrounds.
    public static let dark: Theme = {
        func fg(_ index: UInt8, _ attributes: TextAttributes = []) -> Style {
            Style(foreground: .indexed(index), attributes: attributes)
        }
        func bar(_ foreground: UInt8, _ background: UInt8, _ attributes: TextAttributes = []) -> Style {
            Style(foreground: .indexed(foreground), background: .indexed(background), attributes: attributes)
        }
        let styles: [ThemeRole: Style] = [
            .text: .plain,
            .dim: fg(245),
            .emphasis: Style(attributes: .bold),
            .paneBorder: fg(240),
            .paneBorderFocused: fg(39, .bold),
            .paneTitle: fg(252, .bold),
            .paneTitleFocused: fg(51, .bold),
            .columnHeader: fg(250, .underline),
            .selection: bar(255, 24, .bold),
            .selectionUnfocused: bar(252, 238),
            .statusBar: bar(252, 236),
            .statusBarEmphasis: bar(220, 236, .bold),
            .prompt: fg(39, .bold),
            .input: .plain,
            .placeholder: fg(242),
            .error: fg(196, .bold),
            .warning: fg(214),
            .notice: fg(78),
            .helpKey: fg(220, .bold),
            .helpText: .plain,
            .severityP0: fg(196, .bold),
            .severityP1: fg(208, .bold),
            .severityP2: fg(220),
            .severityP3: fg(111),
            .statusDetected: fg(203),
            .statusAcknowledged: fg(214),
            .statusInvestigating: fg(220),
            .statusMitigated: fg(117),
            .statusResolved: fg(114),
            .statusClosed: fg(245),
            .healthUp: fg(114),
            .healthDown: fg(196, .bold),
            .healthUnknown: fg(245),
            .stepPending: fg(245),
            .stepRunning: fg(220, .bold),
            .stepSucceeded: fg(114),
            .stepFailed: fg(196, .bold),
            .stepSkipped: fg(242),
            .timelineNote: .plain,
            .timelineDecision: fg(141, .bold),
            .timelineStatus: fg(117),
            .timelineSeverity: fg(208),
            .timelineRole: fg(180),
            .timelineActionItem: fg(220),
            .timelineRunbookStep: fg(111),
            .timelineCommandOutput: fg(250),
            .timelineHealth: fg(245),
            .timelineHandoff: fg(213),
            .timelineAlert: fg(203),
            .timelineComms: fg(80),
        ]
        return Theme(name: "dark", styles: styles)
    }()

    /// No colours at all: state stays visible through bold, reverse, underline and dim
    /// (P0 reverse, selection reverse, failures reverse, finished things dim).
    public static let monochrome: Theme = {
        let bold = Style(attributes: .bold)
        let reverse = Style(attributes: .reverse)
        let underline = Style(attributes: .underline)
        let dim = Style(attributes: .dim)
        let styles: [ThemeRole: Style] = [
            .text: .plain,
            .dim: dim,
            .emphasis: bold,
            .paneBorder: .plain,
            .paneBorderFocused: bold,
            .paneTitle: bold,
            .paneTitleFocused: Style(attributes: [.bold, .reverse]),
            .columnHeader: underline,
            .selection: reverse,
            .selectionUnfocused: underline,
            .statusBar: reverse,
            .statusBarEmphasis: Style(attributes: [.reverse, .bold]),
            .prompt: bold,
            .input: .plain,
            .placeholder: dim,
            .error: Style(attributes: [.bold, .underline]),
            .warning: bold,
            .notice: underline,
            .helpKey: bold,
            .helpText: .plain,
            .severityP0: Style(attributes: [.bold, .reverse]),
            .severityP1: bold,
            .severityP2: underline,
            .severityP3: .plain,
            .statusDetected: bold,
            .statusAcknowledged: bold,
            .statusInvestigating: bold,
            .statusMitigated: underline,
            .statusResolved: .plain,
            .statusClosed: dim,
            .healthUp: .plain,
            .healthDown: Style(attributes: [.bold, .reverse]),
            .healthUnknown: dim,
            .stepPending: dim,
            .stepRunning: bold,
            .stepSucceeded: .plain,
            .stepFailed: Style(attributes: [.bold, .reverse]),
            .stepSkipped: dim,
            .timelineNote: .plain,
            .timelineDecision: bold,
            .timelineStatus: underline,
            .timelineSeverity: bold,
            .timelineRole: .plain,
            .timelineActionItem: underline,
            .timelineRunbookStep: .plain,
            .timelineCommandOutput: dim,
            .timelineHealth: dim,
            .timelineHandoff: bold,
            .timelineAlert: bold,
            .timelineComms: .plain,
        ]
        return Theme(name: "monochrome", styles: styles)
    }()
}
