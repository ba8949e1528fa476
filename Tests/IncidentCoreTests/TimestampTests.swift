import Foundation
import Testing

@testable import IncidentCore

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2025-11-04T10:02:00Z", "2025-11-04T10:02:00Z"),
        ("2025-11-04T12:02:00+02:00", "2025-11-04T10:02:00Z"),
        ("2025-11-04T05:02:00-0500", "2025-11-04T10:02:00Z"),
        ("2025-11-04T10:02Z", "2025-11-04T10:02:00Z"),
        ("2025-11-04 10:02:00.250Z", "2025-11-04T10:02:00.250Z"),
        ("2025-11-04t10:02:00z", "2025-11-04T10:02:00Z"),
        ("2024-02-29T00:30:00+01:00", "2024-02-28T23:30:00Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ])
    func parsesOffsetsToUTC(input: String, expected: String) throws {
        let date = try #require(Timestamp.parse(input))
        #expect(Timestamp.iso(date) == expected)
    }

    @Test(arguments: [
        "", "2025-11-04", "2025-11-04T10:02:00", "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
        "2025-11-04T24:00:00Z", "2025-11-04T10:02:00+25:00", "yesterday", "2025-11-04T10:02:00Zjunk",
    ])
    func rejectsMalformedTimes(input: String) {
        #expect(Timestamp.parse(input) == nil)
    }

    @Test func storedFormRoundTripsAtMillisecondPrecision() throws {
        for milliseconds in [0, 1, 113, 999, 46, 769] {
            let date = Timestamp.truncated(
                Date(timeIntervalSince1970: 1_764_000_000 + Double(milliseconds) / 1000 + 0.000_4))
            let stored = Timestamp.database(date)
            let back = try #require(Timestamp.parseDatabase(stored))
            #expect(Timestamp.canonical(back) == Timestamp.canonical(date))
        }
    }

    @Test func calendarDays() {
        #expect(Timestamp.parseDay("2025-11-30") == "2025-11-30")
        #expect(Timestamp.parseDay("2025-11-31") == nil)
        #expect(Timestamp.parseDay("2025-1-3") == nil)
    }

    @Test func durationsReadNaturally() {
        #expect(Timestamp.duration(42) == "42s")
        #expect(Timestamp.duration(65) == "1m 05s")
        #expect(Timestamp.duration(3900) == "1h 05m")
        #expect(Timestamp.duration(93_600) == "1d 2h")
    }
}
