/// How many colours a terminal can show; decides how a `ColorSpec` is mapped before drawing.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    /// No colour at all (or `NO_COLOR`): only attributes carry meaning.
    case monochrome = 0
    case colors8 = 8
    case colors16 = 16
    case colors256 = 256

    /// The depth for a terminal reporting `count` colours.
    public init(colorCount count: Int) {
        switch count {
        case 256...: self = .colors256
        case 16...: self = .colors16
        case 8...: self = .colors8
        default: self = .monochrome
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
