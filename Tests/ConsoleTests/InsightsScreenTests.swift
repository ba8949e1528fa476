import Foundation
import IncidentCore
import TerminalUI
import Testing

@testable import Console

@Suite struct InsightsScreenTests: ConsoleKeyDriving {
    static func time(_ text: String) -> Date { Timestamp.parse(text)! }

    /// Six weeks of incidents before the sample console's clock: TTM spread over P1 and P2.
    static let records: StatsRecords = {
        func incident(_ id: Int64, _ severity: Severity, _ detected: String, mitigatedAfter minutes: Int?)
            -> StatsIncident
        {
            let detectedAt = time(detected)
            return StatsIncident(
                id: id, key: "INC-\(id)", severity: severity, isDrill: false, detectedAt: detectedAt,
                declaredAt: detectedAt.addingTimeInterval(120), acknowledgedAt: detectedAt.addingTimeInterval(300),
                mitigatedAt: minutes.map { detectedAt.addingTimeInterval(Double($0) * 60) }, resolvedAt: nil,
                services: [id % 2 == 0 ? "checkout" : "search"], reopens: id == 3 ? 1 : 0)
        }
        return StatsRecords(
            incidents: [
                incident(1, .p1, "2025-09-29T10:00:00Z", mitigatedAfter: 25),
                incident(2, .p2, "2025-10-07T10:00:00Z", mitigatedAfter: 90),
                incident(3, .p1, "2025-10-08T10:00:00Z", mitigatedAfter: 40),
                incident(4, .p1, "2025-10-21T10:00:00Z", mitigatedAfter: 75),
                incident(5, .p2, "2025-10-22T10:00:00Z", mitigatedAfter: nil),
                incident(6, .p0, "2025-11-03T10:00:00Z", mitigatedAfter: 15),
            ],
            openActions: [
                StatsOpenAction(incidentId: 2, owner: "omar", dueDate: "2025-10-20"),
                StatsOpenAction(incidentId: 4, owner: "lee", dueDate: "2025-12-01"),
            ],
            stepCounts: [StatsStepCount(incidentId: 1, outcome: "ran", count: 4)],
            knownServices: ["checkout", "search"])
    }()

    func opened(_ width: Int, _ height: Int) throws -> ConsoleState {
        var state = state(width, height)
        let effects = press(&state, .character("I"))
        let query = try #require(effects.first.flatMap { if case .loadInsights(let query) = $0 { query } else { nil } })
        #expect(query.asOf == ConsoleSamples.now)
        #expect(query.window.before == ConsoleSamples.now)
        #expect(query.window.from == ConsoleSamples.now.addingTimeInterval(-90 * 86_400))
        #expect(query.grouping == .week)
        let narrowed = StatsQuery(
            window: StatsWindow(from: Self.time("2025-09-29T00:00:00Z"), before: ConsoleSamples.now), asOf: query.asOf)
        guard case .insights(var screen) = state.mode else {
            Issue.record("I did not open Insights")
            return state
        }
        screen.query = narrowed
        state.mode = .insights(screen)
        _ = ConsoleReducer.apply(&state, .insightsLoaded(StatsCalculator.compute(Self.records, query: narrowed)))
        return state
    }

    @Test func insightsAt80x24() throws {
        try GoldenScreen.check(ConsoleView.render(try opened(80, 24), theme: .dark).buffer, named: "insights-80x24")
    }

    @Test func insightsAt120x40ScrolledToTheCharts() throws {
        var state = try opened(120, 40)
        press(&state, .pageDown)
        try GoldenScreen.check(ConsoleView.render(state, theme: .dark).buffer, named: "insights-120x40")
        press(&state, .escape)
        #expect(state.mode == .normal)
    }

    @Test func statsCommandTakesTheCLIOptions() throws {
        var state = state()
        press(&state, .character(":"))
        type(&state, "stats --since 2025-10-01 --by month --service checkout --severity p1")
        let effects = press(&state, .enter)
        guard case .loadInsights(let query) = effects.first else {
            Issue.record("no query: \(effects)")
            return
        }
        #expect(query.window.from == Self.time("2025-10-01T00:00:00Z"))
        #expect(query.grouping == .month)
        #expect(query.service == "checkout")
        #expect(query.severity == .p1)
        _ = ConsoleReducer.apply(&state, .insightsFailed("--service checkout: no incident is on that service"))
        let text = ConsoleView.render(state, theme: .dark).buffer.lines.joined(separator: "\n")
        #expect(text.contains("stats: --service checkout: no incident is on that service"))
    }

    @Test func badStatsArgumentsSayWhy() throws {
        var state = state()
        press(&state, .character(":"))
        type(&state, "stats --since soon")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.notice?.text.contains("--since soon: not a day") == true)
        press(&state, .escape)
        press(&state, .character(":"))
        type(&state, "stats --by year")
        press(&state, .enter)
        #expect(state.notice?.text.contains("--by year") == true)
    }
}
