import Foundation
import Testing

@testable import IncidentCore

@Suite struct StatsCalculatorTests {
    static func time(_ text: String) -> Date { Timestamp.parse(text)! }

    @Test func nearestRankPercentilesAreRecordedValues() {
        let spread = StatsSpread(seconds: [600, 60, 300, 120, 3600, 240, 180, 900, 1200, 30])
        #expect(spread.n == 10)
        #expect(spread.minSeconds == 30)
        #expect(spread.medianSeconds == 240)
        #expect(spread.p90Seconds == 1200)
        #expect(spread.maxSeconds == 3600)
        let one = StatsSpread(seconds: [42])
        #expect([one.medianSeconds, one.p90Seconds, one.maxSeconds] == [42, 42, 42])
        let none = StatsSpread(seconds: [])
        #expect(none.n == 0 && none.medianSeconds == nil && none.p90Seconds == nil)
    }

    @Test func weeksStartOnMondayAndMonthsOnTheFirst() {
        #expect(StatsPeriods.key(of: Self.time("2025-01-05T23:59:59Z"), by: .week) == "2024-12-30")
        #expect(StatsPeriods.key(of: Self.time("2025-01-06T00:00:00Z"), by: .week) == "2025-01-06")
        #expect(StatsPeriods.key(of: Self.time("2024-02-29T12:00:00Z"), by: .month) == "2024-02")
        let window = StatsWindow(from: Self.time("2024-11-15T00:00:00Z"), before: Self.time("2025-02-01T00:00:00Z"))
        #expect(StatsPeriods.keys(covering: window, by: .month) == ["2024-11", "2024-12", "2025-01"])
        #expect(StatsPeriods.keys(covering: window, by: .week).count == 12)
        #expect(window.description == "2024-11-15 – 2025-01-31")
    }

    @Test func agesDaysAndTimes() {
        let now = Self.time("2025-04-01T12:00:00Z")
        #expect(StatsDate.parse("90d", asOf: now, endOfDay: false) == Self.time("2025-01-01T12:00:00Z"))
        #expect(StatsDate.parse("2w", asOf: now, endOfDay: false) == Self.time("2025-03-18T12:00:00Z"))
        #expect(StatsDate.parse("2025-03-31", asOf: now, endOfDay: true) == Self.time("2025-04-01T00:00:00Z"))
        #expect(
            StatsDate.parse("2025-03-31T08:00:00+02:00", asOf: now, endOfDay: true) == Self.time("2025-03-31T06:00:00Z")
        )
        #expect(StatsDate.parse("2025-02-30", asOf: now, endOfDay: false) == nil)
        #expect(StatsDate.parse("-3d", asOf: now, endOfDay: false) == nil)
        #expect(StatsDate.parse("soon", asOf: now, endOfDay: false) == nil)
    }

    @Test func emptyRecordsGiveZerosNotNaN() throws {
        let window = StatsWindow(from: Self.time("2025-01-01T00:00:00Z"), before: Self.time("2025-01-08T00:00:00Z"))
        let stats = StatsCalculator.compute(
            StatsRecords(incidents: [], openActions: [], stepCounts: [], knownServices: []),
            query: StatsQuery(window: window, asOf: window.before))
        #expect(stats.isEmpty)
        #expect(stats.reopenRate == nil)
        #expect(stats.emptyMessage == "no incidents in 2025-01-01 – 2025-01-07")
        #expect(StatsText.render(stats) == "no incidents in 2025-01-01 – 2025-01-07\n")
        #expect(StatsChart.render(stats, width: 80) == "no incidents in 2025-01-01 – 2025-01-07\n")
        let json = try ExportJSON.encode(stats)
        #expect(!json.lowercased().contains("nan") && !json.contains("inf"))
        #expect(StatsHTML.render(stats).contains("<p id=\"empty\">no incidents in 2025-01-01 – 2025-01-07</p>"))
    }

    @Test func stripAndBarsAreMonochromeBlocks() {
        #expect(StatsChart.bar(1, of: 2, width: 10) == "█████")
        #expect(StatsChart.bar(1, of: 3, width: 10) == "███▍")
        #expect(StatsChart.bar(1, of: 1000, width: 10) == "▏")
        #expect(StatsChart.bar(0, of: 3, width: 10) == "")
        let spread = StatsSpread(seconds: [0, 100, 200, 300, 400, 500, 600, 700, 800, 1000])
        #expect(StatsChart.strip(spread, longest: 1000, width: 11) == "├───█████─┤")
        #expect(
            StatsChart.strip(StatsSpread(seconds: [0, 300, 600, 900, 1000]), longest: 1000, width: 11) == "├─────█████")
        #expect(StatsChart.strip(StatsSpread(seconds: []), longest: 1000, width: 5) == "·····")
    }
}
