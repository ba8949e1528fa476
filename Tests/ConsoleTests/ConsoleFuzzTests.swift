import Foundation
import IncidentCore
import TerminalUI
import Testing

@testable import Console

/// Random key presses, resizes (down to a single cell), ticks and store answers, each followed by
/// a render: whatever a person mashes, the reducer and views must not trap. Seeded, so a failure
/// replays exactly.
@Suite struct ConsoleFuzzTests {
    static let keys: [KeyPress] =
        Array("jkhlnNdsSaDRHLKPq?/:yYx cr-0123456789PMab障".map { KeyPress.character($0) })
        + [
            .up, .down, .left, .right, .enter, .escape, .tab, .backTab, .backspace, .delete, .home, .end, .pageUp,
            .pageDown, .function(1), .resize, .control("c"), .control("d"), .control("t"), .control("w"),
            .control("a"), .control("e"), .control("u"), .control("l"), .alt("b"), .alt("f"),
        ]

    static func healthStatuses() throws -> [HealthCheckStatus] {
        let yaml = (0..<12).map { "  - name: check-\($0)\n    url: http://127.0.0.1:1/\n" }.joined()
        let checks = try HealthCheckFile.parse("endpoints:\n" + yaml, file: "checks.yaml").checks
        return checks.enumerated().map { index, check in
            let sample = HealthSample(
                id: nil, check: check.key, sampledAt: ConsoleSamples.now, isUp: index % 3 != 0,
                latencyMilliseconds: Double(index * 17), conditionResults: [], error: index % 3 == 0 ? "refused" : nil)
            return HealthCheckStatus(
                check: check, state: index % 3 == 0 ? .down : .up, since: ConsoleSamples.now, lastSample: sample,
                recentSamples: [sample])
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func mashingKeysAndResizingNeverTraps(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        var state = ConsoleSamples.loadedState(size: Size(width: 120, height: 40))
        let statuses = try Self.healthStatuses()
        var now = ConsoleSamples.now
        for _ in 0..<600 {
            let event: ConsoleEvent
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<80:
                event = .key(Self.keys.randomElement(using: &random)!)
            case 80..<86:
                let tiny = Bool.random(using: &random)
                event = .resized(
                    Size(
                        width: tiny ? Int.random(in: 1...12, using: &random) : Int.random(in: 13...220, using: &random),
                        height: tiny ? Int.random(in: 1...6, using: &random) : Int.random(in: 7...70, using: &random)))
            case 86..<91:
                now = now.addingTimeInterval(Double.random(in: 0...90, using: &random))
                event = .tick(now)
            case 91..<94:
                event = .healthUpdated(statuses)
            case 94..<96:
                event = .incidentsLoaded(Bool.random(using: &random) ? ConsoleSamples.incidents : [])
            case 96..<98:
                event = .timelineLoaded(
                    TimelinePage(
                        key: state.selectedIncident?.incident.key ?? "INC-20251104-001",
                        request: .tail(limit: 200), totalCount: ConsoleSamples.timeline.count,
                        entries: ConsoleSamples.timeline))
            default:
                event = Bool.random(using: &random) ? .storeChanged : .actionFailed("the store said no")
            }
            _ = ConsoleReducer.apply(&state, event)
            let frame = ConsoleView.render(state, theme: .dark)
            #expect(frame.buffer.lines.count == state.size.height)
        }
    }
}
