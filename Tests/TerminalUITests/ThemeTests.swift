import Testing

@testable import TerminalUI

@Suite struct ThemeTests {
    @Test func rolesRoundTripTheirThemeFileNames() {
        for role in ThemeRole.allCases {
            #expect(ThemeRole(name: role.name) == role)
        }
        #expect(ThemeRole.severity("p0") == .severityP0)
        #expect(ThemeRole.status("Mitigated") == .statusMitigated)
        #expect(ThemeRole.timeline("actionItem") == .timelineActionItem)
        #expect(ThemeRole.severity("P9") == nil)
    }

    @Test func builtInThemesStyleEveryRole() {
        for theme in [Theme.dark, Theme.monochrome] {
            for role in ThemeRole.allCases {
                #expect(theme.styles[role] != nil, "\(theme.name) lacks \(role.name)")
            }
        }
    }

    @Test func overridingReplacesOnlyTheNamedParts() {
        let base = Theme.dark
        let theme = base.overriding(
            [.severityP0: StyleOverride(foreground: .named(.magenta)), .paneBorder: StyleOverride(bold: true)],
            name: "custom"
        )
        #expect(theme.name == "custom")
        #expect(theme[.severityP0].foreground == .named(.magenta))
        #expect(theme[.severityP0].attributes == base[.severityP0].attributes, "bold kept")
        #expect(theme[.paneBorder].foreground == base[.paneBorder].foreground)
        #expect(theme[.paneBorder].attributes.contains(.bold))
        for role in ThemeRole.allCases where role != .severityP0 && role != .paneBorder {
            #expect(theme[role] == base[role], "\(role.name) changed")
        }
    }

    @Test func overridingCanTurnAttributesOff() {
        let theme = Theme.dark.overriding([.severityP0: StyleOverride(bold: false, underline: true)])
        #expect(theme[.severityP0].attributes == .underline)
    }

    @Test func unsetRolesFallBack() {
        let theme = Theme.plain
            .setting(.paneBorder, to: Style(foreground: .named(.blue)))
            .setting(.text, to: Style(foreground: .named(.white)))
        #expect(theme[.paneBorderFocused] == theme[.paneBorder])
        #expect(theme[.severityP0] == theme[.text])
        #expect(theme[.placeholder] == theme[.text], "placeholder → dim → text")
        let overridden = Theme.plain.overriding([.paneBorderFocused: StyleOverride(bold: true)])
        #expect(overridden[.paneBorderFocused].attributes == .bold)
    }

    @Test func monochromeKeepsStateVisibleWithoutColour() {
        let theme = Theme.monochrome
        for role in ThemeRole.allCases {
            #expect(theme[role].foreground == .terminalDefault)
            #expect(theme[role].background == .terminalDefault)
        }
        #expect(theme[.selection].attributes.contains(.reverse))
        #expect(theme[.severityP0].attributes.contains(.reverse))
        #expect(theme[.severityP0] != theme[.severityP1])
        #expect(theme[.severityP1] != theme[.severityP2])
        #expect(theme[.healthDown] != theme[.healthUp])
        #expect(theme[.paneBorderFocused] != theme[.paneBorder])
        #expect(Theme.dark.effective(for: .monochrome) == .monochrome)
        #expect(Theme.dark.effective(for: .colors8) == .dark)
    }

    @Test func styleLayeringKeepsForegroundAndFillsBackground() {
        let selection = Style(foreground: .indexed(255), background: .indexed(24), attributes: .bold)
        let severity = Style(foreground: .indexed(196))
        let layered = severity.layered(over: selection)
        #expect(layered.foreground == .indexed(196))
        #expect(layered.background == .indexed(24))
        #expect(layered.attributes == .bold)
        #expect(Style.plain.layered(over: selection) == selection)
    }
}
