/// The sixteen ANSI colours by name, in palette order, so `rawValue` is the palette index.
public enum NamedColor: Int, CaseIterable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The name used in theme files, e.g. `brightRed`.
    public var name: String { String(describing: self) }

    /// Looks a colour up by theme-file name; case, `-`/`_`/spaces and `gray`/`grey` are forgiven.
    public init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter }
        switch key {
        case "gray", "grey": self = .brightBlack
        case "lightgray", "lightgrey", "silver": self = .white
        default:
            let match = NamedColor.allCases.first { $0.name.lowercased() == key }
            guard let match else { return nil }
            self = match
        }
    }

    /// xterm's default RGB for the colour; the reference for nearest-colour matching.
    public var rgb: RGB { RGB.xtermSystem[rawValue] }
}
