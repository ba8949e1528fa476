/// A 24-bit colour and the xterm palette it is matched against.
public struct RGB: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` (the `#` is optional).
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
            return nil
        }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    public var hex: String {
        let digits = [red, green, blue].map { value -> String in
            let text = String(value, radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        return "#" + digits.joined()
    }

    /// Perceptual distance ("redmean" weighting): cheap, and much closer to what eyes see than
    /// plain Euclidean distance, so greys do not turn green when mapped down.
    public func distance(to other: RGB) -> Int {
        let meanRed = (Int(red) + Int(other.red)) / 2
        let deltaRed = Int(red) - Int(other.red)
        let deltaGreen = Int(green) - Int(other.green)
        let deltaBlue = Int(blue) - Int(other.blue)
        let redTerm = ((512 + meanRed) * deltaRed * deltaRed) >> 8
        let blueTerm = ((767 - meanRed) * deltaBlue * deltaBlue) >> 8
        return redTerm + 4 * deltaGreen * deltaGreen + blueTerm
    }

    /// xterm's defaults for palette entries 0–15.
    public static let xtermSystem: [RGB] = [
        RGB(red: 0, green: 0, blue: 0), RGB(red: 205, green: 0, blue: 0),
        RGB(red: 0, green: 205, blue: 0), RGB(red: 205, green: 205, blue: 0),
        RGB(red: 0, green: 0, blue: 238), RGB(red: 205, green: 0, blue: 205),
        RGB(red: 0, green: 205, blue: 205), RGB(red: 229, green: 229, blue: 229),
        RGB(red: 127, green: 127, blue: 127), RGB(red: 255, green: 0, blue: 0),
        RGB(red: 0, green: 255, blue: 0), RGB(red: 255, green: 255, blue: 0),
        RGB(red: 92, green: 92, blue: 255), RGB(red: 255, green: 0, blue: 255),
        RGB(red: 0, green: 255, blue: 255), RGB(red: 255, green: 255, blue: 255),
    ]

    /// The levels of xterm's 6×6×6 colour cube (palette 16–231).
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The RGB xterm shows for a palette index 0–255.
    public static func xterm(index: Int) -> RGB {
        let index = min(max(index, 0), 255)
        if index < 16 { return xtermSystem[index] }
        if index >= 232 {
            let level = UInt8(8 + 10 * (index - 232))
            return RGB(red: level, green: level, blue: level)
        }
        let cube = index - 16
        return RGB(red: cubeLevels[cube / 36], green: cubeLevels[cube / 6 % 6], blue: cubeLevels[cube % 6])
    }
}
