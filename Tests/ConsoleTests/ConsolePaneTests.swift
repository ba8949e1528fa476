import Testing

@testable import Console

@Suite struct ConsolePaneTests {
    @Test func tabVisitsEveryPaneAndWraps() {
        var pane = ConsolePane.incidents
        var visited: [ConsolePane] = []
        for _ in 0..<ConsolePane.allCases.count {
            visited.append(pane)
            pane = pane.next()
        }
        #expect(visited == [.incidents, .timeline, .runbook, .health])
        #expect(pane == .incidents)
    }

    @Test func backTabGoesTheOtherWay() {
        #expect(ConsolePane.incidents.next(backwards: true) == .health)
        #expect(ConsolePane.timeline.next(backwards: true) == .incidents)
    }
}
