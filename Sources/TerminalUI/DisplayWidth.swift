/// Terminal column widths of characters, from Unicode's East Asian Width property.
///
/// Kept in pure Swift rather than libc `wcwidth` so layout is identical under every locale and
/// in tests, and so it agrees with what modern terminals draw (emoji presentation is wide).
public enum DisplayWidth {
    /// Columns a grapheme occupies: 0 (controls, lone combining marks), 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if first.isASCII { return 1 }
        if isWide(first) { return 2 }
        if scalars.count > 1 {
            // A text-default symbol followed by VS16 (e.g. ❤️), or a flag (two regional indicators).
            if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
            if isRegionalIndicator(first) && scalars.dropFirst().contains(where: isRegionalIndicator) { return 2 }
        }
        if isZeroWidth(first) { return 0 }
        return 1
    }

    /// Columns a string occupies when drawn on one line.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// True for East Asian Wide and Fullwidth scalars (CJK, Hangul, kana, emoji presentation).
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        contains(scalar.value, in: wideRanges)
    }

    /// True for scalars that take no column of their own: combining marks, format characters.
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        contains(scalar.value, in: zeroWidthRanges)
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func contains(_ value: UInt32, in ranges: [(UInt32, UInt32)]) -> Bool {
        var low = 0
        var high = ranges.count - 1
        if high < 0 || value < ranges[0].0 || value > ranges[high].1 { return false }
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].0 {
                high = middle - 1
            } else if value > ranges[middle].1 {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
