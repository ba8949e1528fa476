import Foundation

/// Reads durations the way Gatus (Go's `time.ParseDuration`) writes them: `48h`, `1h30m`, `500ms`,
/// `1.5s`, so an existing Gatus file means the same thing here.
public enum GoDuration {
    private static let units: [(suffix: String, seconds: Double)] = [
        ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
    ]

    /// The duration in seconds, or nil when the text is not a Go duration.
    public static func seconds(_ text: String) -> Double? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var sign = 1.0
        if rest.first == "-" || rest.first == "+" {
            if rest.first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !$0.isNumber && $0 != "." }
            guard let unit = units.first(where: { $0.suffix == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.seconds
        }
        return sign * total
    }

    /// A short form for messages: `336h`, `1h30m`, `45s`, `250ms`.
    public static func text(seconds: Double) -> String {
        if seconds != 0 && abs(seconds) < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        var remaining = Int(seconds.rounded(.towardZero))
        let negative = remaining < 0
        remaining = abs(remaining)
        let hours = remaining / 3600
        let minutes = (remaining % 3600) / 60
        let secs = remaining % 60
        var out = negative ? "-" : ""
        if hours > 0 { out += "\(hours)h" }
        if minutes > 0 { out += "\(minutes)m" }
        if secs > 0 || (hours == 0 && minutes == 0) { out += "\(secs)s" }
        return out
    }
}
