import Foundation

/// ISO-8601 parsing and UTC formatting without locale or ICU, so output is the same everywhere.
public enum Timestamp {
    /// Parses `2025-11-04T10:02:00Z`, `2025-11-04T12:02:00+02:00`, `…T10:02Z`, `…T10:02:00.250-0500`.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var index = 0

        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == character else { return false }
            index += 1
            return true
        }

        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2)
        else { return nil }
        guard index < bytes.count, bytes[index] == 84 || bytes[index] == 116 || bytes[index] == 32
        else { return nil }
        index += 1
        guard let hour = number(2), expect(58), let minute = number(2) else { return nil }
        var second = 0
        var milliseconds = 0
        if expect(58) {
            guard let value = number(2) else { return nil }
            second = value
            if expect(46) || expect(44) {
                var scale = 100
                var digits = 0
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    milliseconds += Int(bytes[index] - 48) * scale
                    scale /= 10
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
            }
        }
        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        if expect(90) || expect(122) {
            offsetSeconds = 0
        } else if bytes[index] == 43 || bytes[index] == 45 {
            let sign = bytes[index] == 45 ? -1 : 1
            index += 1
            guard let offsetHour = number(2) else { return nil }
            _ = expect(58)
            guard let offsetMinute = number(2), offsetHour < 24, offsetMinute < 60 else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000)
    }

    /// Parses a calendar day `YYYY-MM-DD`, returning it normalised, or nil when it is not a real day.
    public static func parseDay(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return text
    }

    /// `2025-11-04T10:02:00Z`, with `.250` milliseconds only when there are some.
    public static func iso(_ date: Date) -> String {
        let parts = utcParts(date)
        var text =
            "\(padded(parts.year, 4))-\(padded(parts.month))-\(padded(parts.day))T"
            + "\(padded(parts.hour)):\(padded(parts.minute)):\(padded(parts.second))"
        if parts.millisecond != 0 {
            text += "." + padded(parts.millisecond, 3)
        }
        return text + "Z"
    }

    /// `value` in decimal, zero-padded to `width` digits. `String(format:)` costs a C varargs call
    /// and, on first use, a scan of every protocol conformance in the binary: too slow for start-up.
    public static func padded(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Always with milliseconds: the fixed form hashed into the timeline chain.
    public static func canonical(_ date: Date) -> String {
        let parts = utcParts(date)
        return "\(padded(parts.year, 4))-\(padded(parts.month))-\(padded(parts.day))T"
            + "\(padded(parts.hour)):\(padded(parts.minute)):\(padded(parts.second)).\(padded(parts.millisecond, 3))Z"
    }

    /// `20251104`, the day part of incident keys.
    public static func compactDay(_ date: Date) -> String {
        let parts = utcParts(date)
        return padded(parts.year, 4) + padded(parts.month) + padded(parts.day)
    }

    /// `2025-11-04 10:02:00`: a short UTC form for tables people read.
    public static func short(_ date: Date) -> String {
        let parts = utcParts(date)
        return "\(padded(parts.year, 4))-\(padded(parts.month))-\(padded(parts.day)) "
            + "\(padded(parts.hour)):\(padded(parts.minute)):\(padded(parts.second))"
    }

    /// Today's calendar day in UTC, for overdue checks.
    public static func day(_ date: Date) -> String {
        let parts = utcParts(date)
        return "\(padded(parts.year, 4))-\(padded(parts.month))-\(padded(parts.day))"
    }

    /// Rounds to whole milliseconds, the precision the database keeps; hashing must agree with it.
    public static func truncated(_ date: Date) -> Date {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }

    /// `2025-11-04 10:02:00.250`: how dates are stored, readable by SQLite's own date functions.
    public static func database(_ date: Date) -> String {
        let parts = utcParts(date)
        return "\(padded(parts.year, 4))-\(padded(parts.month))-\(padded(parts.day)) "
            + "\(padded(parts.hour)):\(padded(parts.minute)):\(padded(parts.second)).\(padded(parts.millisecond, 3))"
    }

    /// Reads a stored date; stored dates carry no zone and are UTC.
    public static func parseDatabase(_ text: String) -> Date? {
        var bytes = text
        if let date = bytes.withUTF8({ storedForm($0) }) { return date }
        return parse(text.count <= 10 ? text + "T00:00:00Z" : text + "Z")
    }

    /// `2025-11-04 10:02:00.250` (or without `.250`), the form sitrep stores, read straight from
    /// the bytes: reports decode a date per timeline entry, and the general parser is too slow there.
    static func storedForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 19 || bytes.count == 23, bytes[4] == 45, bytes[7] == 45, bytes[10] == 32,
            bytes[13] == 58, bytes[16] == 58, bytes.count == 19 || bytes[19] == 46
        else { return nil }
        func number(_ start: Int, _ digits: Int) -> Int? {
            var value = 0
            for index in start..<start + digits {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2),
            let milliseconds = bytes.count == 23 ? number(20, 3) : 0,
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { return nil }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000)
    }

    /// `1h 05m`, `3d 2h`, `42s`: elapsed time as people say it.
    public static func duration(_ interval: TimeInterval) -> String {
        let total = Int(max(0, interval))
        let days = total / 86_400
        let hours = (total % 86_400) / 3600
        let minutes = (total % 3600) / 60
        let seconds = total % 60
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return String(format: "%dh %02dm", hours, minutes) }
        if minutes > 0 { return String(format: "%dm %02ds", minutes, seconds) }
        return "\(seconds)s"
    }

    struct Parts {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int
    }

    static func utcParts(_ date: Date) -> Parts {
        let totalMilliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        var days = totalMilliseconds / 86_400_000
        var remainder = totalMilliseconds % 86_400_000
        if remainder < 0 {
            remainder += 86_400_000
            days -= 1
        }
        let civil = civilFromDays(days)
        return Parts(
            year: civil.year, month: civil.month, day: civil.day, hour: remainder / 3_600_000,
            minute: (remainder / 60_000) % 60, second: (remainder / 1000) % 60, millisecond: remainder % 1000)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days-from-civil: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex + (monthIndex < 10 ? 3 : -9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
