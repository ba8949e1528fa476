import Foundation

/// Numbers read the way Gatus (Go) reads them in conditions, so a Gatus file judges the same:
/// integers with `strconv.ParseInt(text, 0, 64)` (0x, 0o, 0b and a leading-0 octal, `_` between
/// digits), and ordering comparisons on 64-bit integers, floats truncated.
enum GoNumber {
    /// `strconv.ParseInt(text, 0, 64)`: nil where Go returns an error.
    static func integer(_ text: String) -> Int64? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        var prefixed = false
        let lower = digits.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            radix = lower.hasPrefix("0x") ? 16 : lower.hasPrefix("0o") ? 8 : 2
            digits = digits.dropFirst(2)
            prefixed = true
        } else if digits.count > 1, digits.first == "0" {
            radix = 8
            digits = digits.dropFirst()
            prefixed = true
        }
        guard underscoresSeparateDigits(digits, afterPrefix: prefixed) else { return nil }
        let clean = digits.filter { $0 != "_" }
        guard !clean.isEmpty, let magnitude = UInt64(clean, radix: radix) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// Go's rule: `_` only between digits, or between a base prefix and a digit.
    static func underscoresSeparateDigits(_ digits: Substring, afterPrefix: Bool) -> Bool {
        guard digits.contains("_") else { return true }
        var previousIsDigit = afterPrefix
        for character in digits {
            if character == "_" {
                guard previousIsDigit else { return false }
                previousIsDigit = false
            } else {
                previousIsDigit = true
            }
        }
        return previousIsDigit
    }

    /// What Gatus compares with `<`, `>`, `<=`, `>=`: a non-zero Go duration in milliseconds,
    /// else an integer, else a float cut to an integer, else 0.
    static func ordering(_ text: String) -> Int64 {
        if Double(text) == nil, let seconds = GoDuration.seconds(text), seconds != 0 {
            return clamped((seconds * 1000).rounded(.towardZero))
        }
        if let integer = integer(text) { return integer }
        if let float = Double(text) { return clamped(float.rounded(.towardZero)) }
        return 0
    }

    static func clamped(_ value: Double) -> Int64 {
        if value.isNaN { return 0 }
        if value >= 9.223_372_036_854_775_807e18 { return Int64.max }
        if value <= -9.223_372_036_854_775_808e18 { return Int64.min }
        return Int64(value)
    }
}
