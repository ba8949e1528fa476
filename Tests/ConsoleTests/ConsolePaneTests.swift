import Testing

@testable import Console

@Suite struct PaneTests {
    @Test func tabVisitsEveryPaneAndWraps() {
        var pane = Pane.incidents
        var visited: [Pane] = []
        for _ in 0..<Pane.allCases.count {
            visited.append(pane)
            pane = pane.next()
        }
        #expect(visited == [.incidents, .timeline, .runbook, .health])
        #expect(pane == .incidents)
    }

    @Test func backTabGoesTheOtherWay() {
        #expect(Pane.incidents.next(backwards: true) == .health)
        #expect(Pane.timeline.next(backwards: true) == .incidents)
    }
}
