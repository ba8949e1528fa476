/// A colour as a theme names it, before it meets a real terminal.
///
/// Themes are written once and shown on 8-, 16- and 256-colour terminals, so the spec keeps
/// what the author wrote and `paletteIndex(for:)` maps it to the nearest colour available.
public enum ColorSpec: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background (transparent to the user's scheme).
    case terminalDefault
    case named(NamedColor)
    /// An xterm palette index 0–255.
    case indexed(UInt8)
    case rgb(RGB)

    /// Parses a theme-file colour: a name (`red`, `brightBlue`, `default`), `0`–`255` or `#rrggbb`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        if ["default", "none", "terminal"].contains(trimmed.lowercased()) {
            self = .terminalDefault
        } else if trimmed.hasPrefix("#") {
            guard let rgb = RGB(hex: trimmed) else { return nil }
            self = .rgb(rgb)
        } else if trimmed.allSatisfy(\.isASCIIDigitCharacter) {
            guard let value = Int(trimmed), (0...255).contains(value) else { return nil }
            self = .indexed(UInt8(value))
        } else if let named = NamedColor(name: trimmed) {
            self = .named(named)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .named(let color): color.name
        case .indexed(let index): String(index)
        case .rgb(let rgb): rgb.hex
        }
    }

    /// The RGB this colour shows on an xterm-like terminal; nil for the terminal default.
    public var rgb: RGB? {
        switch self {
        case .terminalDefault: nil
        case .named(let color): color.rgb
        case .indexed(let index): RGB.xterm(index: Int(index))
        case .rgb(let rgb): rgb
        }
    }

    /// The palette index to draw with at `depth`, or nil for "use the terminal default"
    /// (always nil on a monochrome terminal).
    public func paletteIndex(for depth: ColorDepth) -> Int? {
        switch (self, depth) {
        case (.terminalDefault, _), (_, .monochrome):
            return nil
        case (.named(let color), .colors16), (.named(let color), .colors256):
            return color.rawValue
        case (.indexed(let index), .colors256):
            return Int(index)
        case (.indexed(let index), .colors16) where index < 16:
            return Int(index)
        case (.indexed(let index), .colors8) where index < 8:
            return Int(index)
        case (.rgb(let rgb), .colors256):
            return ColorSpec.nearest256(to: rgb)
        case (_, .colors16):
            return rgb.map { ColorSpec.nearest(to: $0, among: 16) }
        case (_, .colors8):
            return rgb.map { ColorSpec.nearest(to: $0, among: 8) }
        }
    }

    /// The nearest entry of xterm's cube and grey ramp (16–255); the system colours 0–15 are
    /// skipped because users re-theme them, so they are not a reliable match for an exact RGB.
    public static func nearest256(to rgb: RGB) -> Int {
        func cubeStep(_ value: UInt8) -> Int {
            let levels = RGB.cubeLevels
            var best = 0
            for (step, level) in levels.enumerated()
            where abs(Int(level) - Int(value)) < abs(Int(levels[best]) - Int(value)) {
                best = step
            }
            return best
        }
        let cubeIndex = 16 + 36 * cubeStep(rgb.red) + 6 * cubeStep(rgb.green) + cubeStep(rgb.blue)
        let average = (Int(rgb.red) + Int(rgb.green) + Int(rgb.blue)) / 3
        let greyStep = min(max((average - 8 + 5) / 10, 0), 23)
        let greyIndex = 232 + greyStep
        let cubeDistance = rgb.distance(to: RGB.xterm(index: cubeIndex))
        let greyDistance = rgb.distance(to: RGB.xterm(index: greyIndex))
        return greyDistance < cubeDistance ? greyIndex : cubeIndex
    }

    /// The nearest of the first `count` system colours (8 or 16). Greys only match black,
    /// white and the two greys: by distance alone mid-grey would come out cyan.
    public static func nearest(to rgb: RGB, among count: Int) -> Int {
        let channels = [Int(rgb.red), Int(rgb.green), Int(rgb.blue)]
        let isGrey = (channels.max() ?? 0) - (channels.min() ?? 0) < 24
        let candidates = (0..<min(count, 16)).filter { !isGrey || [0, 7, 8, 15].contains($0) }
        var best = 0
        var bestDistance = Int.max
        for index in candidates {
            let distance = rgb.distance(to: RGB.xtermSystem[index])
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension String {
    /// Trims spaces and tabs at both ends; kept here because TerminalUI avoids Foundation.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
