import Testing

@testable import IncidentCore

/// The probe grid: waits shrink by the probe's own time, lateness never accumulates, and an
/// overrun skips (and counts) the slots it covered. Pure arithmetic on made-up times.
@Suite struct HealthScheduleTests {
    @Test func waitsSubtractTheProbesOwnTime() {
        var schedule = HealthSchedule(interval: 10, start: 100)
        #expect(schedule.wait(after: 103) == 7)
        #expect(schedule.nextDeadline == 110)
        #expect(schedule.wait(after: 110.5) == 9.5)
        #expect(schedule.nextDeadline == 120)
        #expect(schedule.missed == 0)
    }

    @Test func lateWakeUpsDoNotDrift() {
        var schedule = HealthSchedule(interval: 1, start: 0)
        var now = 0.0
        for _ in 0..<1000 {
            // Each probe takes 4 ms and each timer fires 3 ms late; the grid stays put.
            now += 0.004
            now += schedule.wait(after: now) + 0.003
        }
        #expect(schedule.nextDeadline == 1000)
        #expect(schedule.missed == 0)
        #expect(abs(now - 1000.003) < 1e-6)
    }

    @Test func anOverrunSkipsAndCountsTheSlotsItCovered() {
        var schedule = HealthSchedule(interval: 10, start: 0)
        #expect(schedule.wait(after: 25) == 5)
        #expect(schedule.nextDeadline == 30)
        #expect(schedule.missed == 2)
        #expect(schedule.wait(after: 40) == 0)
        #expect(schedule.nextDeadline == 40)
        #expect(schedule.missed == 2)
    }

    @Test func firstProbesAreSpreadByAStableHashOfTheKey() {
        let offsets = (0..<1000).map { HealthSchedule.startOffset(for: "shop/check-\($0)", interval: 30, spread: 1) }
        #expect(offsets.allSatisfy { $0 >= 0 && $0 < 1 })
        // Ten slices of the second each get a fair share: no herd at one instant.
        let slices = Dictionary(grouping: offsets, by: { Int($0 * 10) }).mapValues(\.count)
        #expect(slices.count == 10 && slices.values.allSatisfy { (50...150).contains($0) }, "\(slices)")
        #expect(HealthSchedule.startOffset(for: "shop/check-7", interval: 30, spread: 1) == offsets[7])
        // Never longer than the interval, and nothing when spreading is off.
        #expect(HealthSchedule.startOffset(for: "fast", interval: 0.2, spread: 1) < 0.2)
        #expect(HealthSchedule.startOffset(for: "shop/check-7", interval: 30, spread: 0) == 0)
    }
}
