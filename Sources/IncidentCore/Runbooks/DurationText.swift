import Foundation

/// Reads step timeouts as authors write them: `30s`, `5m`, `1h`, `1m30s`, `500ms`, or bare seconds.
enum DurationText {
    /// Seconds, or nil when the text is not a positive duration.
    static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        if let plain = Double(trimmed) { return plain > 0 && plain.isFinite ? plain : nil }
        var total = 0.0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(number) else { return false }
            let scale: Double
            switch unit {
            case "ms": scale = 0.001
            case "s", "sec": scale = 1
            case "m", "min": scale = 60
            case "h": scale = 3600
            default: return false
            }
            total += value * scale
            number = ""
            unit = ""
            return true
        }
        for character in trimmed {
            if character.isNumber || character == "." {
                if !unit.isEmpty, !flush() { return nil }
                number.append(character)
            } else if character.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard flush(), total > 0, total.isFinite else { return nil }
        return total
    }

    /// `30s`, `5m`, `1m30s`, `0.5s`: the shortest faithful way to show a timeout.
    static func text(_ seconds: Double) -> String {
        if seconds < 1 || seconds.rounded() != seconds {
            let formatted = String(seconds)
            return (formatted.hasSuffix(".0") ? String(formatted.dropLast(2)) : formatted) + "s"
        }
        let whole = Int(seconds)
        if whole % 3600 == 0 { return "\(whole / 3600)h" }
        if whole % 60 == 0 { return "\(whole / 60)m" }
        if whole > 60 { return "\(whole / 60)m\(whole % 60)s" }
        return "\(whole)s"
    }
}
