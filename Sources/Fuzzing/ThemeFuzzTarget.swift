import Console
import IncidentCore

/// A theme file: it parses into a theme the console can draw with, or is refused with an error
/// naming the file and a line that exists.
public struct ThemeFuzzTarget: FuzzTarget {
    public static let name = "theme"

    public init() {}

    public mutating func run(_ input: [UInt8]) {
        do {
            let file = try ThemeFile.parse(FuzzInput.text(input), file: "fuzz.yaml")
            _ = ThemeResolver.theme(from: file)
        } catch let error as ConfigError {
            precondition(error.file == "fuzz.yaml", "an error names \(error.file)")
            FuzzInput.checkLine(error.line, in: input, what: "theme error")
        } catch {
            preconditionFailure("theme refused without a file and line: \(error)")
        }
    }
}
