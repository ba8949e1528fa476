import Console
import Foundation
import IncidentCore
import TerminalUI
import Testing

@Suite struct ThemeFileTests {
    /// The repository's Themes/ folder, found from this file so tests run from any directory.
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes").path

    static let shippedThemes = ["dark", "light", "high-contrast", "monochrome"]

    @Test(arguments: shippedThemes)
    func shippedThemeParses(name: String) throws {
        let path = try #require(ThemeFile.locate(name, in: [Self.themesFolder]))
        let theme = try ThemeFile.load(path: path)
        #expect(theme.name == name)
        #expect(!theme.roles.isEmpty)
    }

    @Test func darkAndMonochromeNameEveryRole() throws {
        for name in ["dark", "monochrome"] {
            let theme = try ThemeFile.load(path: Self.themesFolder + "/\(name).yaml")
            #expect(Set(theme.roles.keys) == Set(ThemeRole.allCases), "\(name) should document every role")
        }
    }

    @Test func monochromeUsesNoColours() throws {
        let theme = try ThemeFile.load(path: Self.themesFolder + "/monochrome.yaml")
        #expect(theme.base == "none")
        for style in theme.roles.values {
            #expect(style.foreground == nil && style.background == nil)
        }
        #expect(theme.roles[.severityP0]?.reverse == true)
        #expect(theme.roles[.selection]?.reverse == true)
    }

    @Test func parsesColoursAttributesAndShorthand() throws {
        let theme = try ThemeFile.parse(
            """
            name: mine
            description: for testing
            roles:
              severity.P0: {fg: "#ff0000", bg: 52, bold: true, underline: false}
              severity.P1: brightRed
              selection:
                foreground: default
                background: Blue
                reverse: yes
            """, file: "mine.yaml")
        #expect(theme.name == "mine")
        #expect(theme.description == "for testing")
        #expect(theme.base == "dark")
        #expect(
            theme.roles[.severityP0]
                == StyleOverride(
                    foreground: .rgb(RGB(red: 255, green: 0, blue: 0)), background: .indexed(52), bold: true,
                    underline: false))
        #expect(theme.roles[.severityP1]?.foreground == .named(.brightRed))
        #expect(theme.roles[.selection]?.foreground == .terminalDefault)
        #expect(theme.roles[.selection]?.background == .named(.blue))
        #expect(theme.roles[.selection]?.reverse == true)
    }

    @Test func emptyFileAndNameFromFile() throws {
        let theme = try ThemeFile.parse("", file: "/tmp/themes/ocean.yaml")
        #expect(theme.name == "ocean")
        #expect(theme.roles.isEmpty)
    }

    @Test func unknownRoleNamesFileLineAndKey() {
        let error = parseError(
            """
            roles:
              text: {fg: white}
              severity.P9: {fg: red}
            """)
        #expect(error?.file == "bad.yaml")
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("bad.yaml:3: `roles.severity.P9`: unknown role") == true)
    }

    @Test func badColoursNameFileLineAndKey() {
        let error = parseError(
            """
            roles:
              paneBorder:
                fg: 300
            """)
        #expect(error?.line == 3)
        #expect(error?.description.contains("`roles.paneBorder.fg`: '300' is not a colour") == true)
        #expect(parseError("roles:\n  error: {bg: purpleish}\n")?.description.contains("`roles.error.bg`") == true)
        #expect(parseError("roles:\n  error: {bg: \"#12345\"}\n")?.line == 2)
    }

    @Test func unquotedHexIsExplained() {
        let error = parseError("roles:\n  error:\n    fg: #ff0000\n")
        #expect(error?.line == 3)
        #expect(error?.description.contains("a bare # starts a YAML comment") == true)
    }

    @Test func badAttributesAndKeys() {
        #expect(
            parseError("roles:\n  error: {bold: loud}\n")?.description.contains(
                "`roles.error.bold`: must be true or false") == true)
        #expect(
            parseError("roles:\n  error: {blink: true}\n")?.description.contains("`roles.error.blink`: unknown key")
                == true)
        #expect(
            parseError("colours:\n  error: red\n")?.description.hasPrefix("bad.yaml:1: `colours`: unknown key") == true)
        #expect(parseError("base: solarized\n")?.description.contains("`base` must be one of dark, none") == true)
        #expect(parseError("roles:\n  error: [red]\n")?.line == 2)
        let duplicate = parseError("roles:\n  error: red\n  error: blue\n")
        #expect(duplicate?.description == "bad.yaml:2: `error`: named more than once")
    }

    @Test func invalidYAMLHasALine() {
        let error = parseError("roles:\n  text: {fg: red\n  dim: {fg: 245}\n")
        #expect(error?.file == "bad.yaml")
        #expect(error?.line != nil)
        #expect(error?.description.contains("is not valid YAML") == true)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: ConfigError.self) { try ThemeFile.load(path: "/nonexistent/theme.yaml") }
    }

    @Test func locateFindsNamesAndPaths() throws {
        #expect(
            ThemeFile.locate("light", in: ["/nonexistent", Self.themesFolder]) == Self.themesFolder + "/light.yaml")
        #expect(ThemeFile.locate("nope", in: [Self.themesFolder]) == nil)
        let path = Self.themesFolder + "/dark.yaml"
        #expect(ThemeFile.locate(path, in: []) == path)
        #expect(ThemeFile.locate("missing.yaml", in: [Self.themesFolder]) == nil)
    }

    private func parseError(_ text: String) -> ConfigError? {
        do {
            _ = try ThemeFile.parse(text, file: "bad.yaml")
            return nil
        } catch {
            return error as? ConfigError
        }
    }
}
