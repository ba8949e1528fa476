import Console
import Foundation
import IncidentCore
import Synchronization
import TerminalUI

/// Measurements behind `make bench` for the console, run on real data in process.
public enum ConsoleBenchmark {
    /// Builds the first screen the way the console does: read incidents, read the selected
    /// timeline's tail, render. Returns the frame so callers can present it.
    public static func firstFrame(store: any ConsoleStore, size: Size, user: String) throws -> ConsoleFrame {
        var state = ConsoleState(size: size, now: Date(), user: user, databasePath: "")
        _ = ConsoleReducer.apply(&state, .resized(size))
        settle(&state, ConsoleReducer.start(&state), store: store)
        return ConsoleView.render(state, theme: .dark)
    }

    /// Median seconds for reducer + render + diff per key, moving the incident selection up and
    /// down `count` times over already-loaded data (no database work inside the loop).
    public static func keystrokes(store: any ConsoleStore, size: Size, count: Int) throws -> TimeInterval {
        var state = ConsoleState(size: size, now: Date(), user: "bench", databasePath: "")
        _ = ConsoleReducer.apply(&state, .resized(size))
        settle(&state, ConsoleReducer.start(&state), store: store)
        var keys = KeyTimer(store: store, state: state)
        var samples: [TimeInterval] = []
        samples.reserveCapacity(count)
        for index in 0..<count {
            samples.append(keys.press(index))
        }
        return samples.sorted()[samples.count / 2]
    }

    /// Median seconds for reducer + render + diff per key with `monitor`'s checks on screen,
    /// pressing a key every `pause` seconds (a fast typist) for `seconds` while it polls, then
    /// for as long again after it stopped, over the same rows. While polling, its results reach
    /// the state between keys the way the runtime forwards them (every event posts the current
    /// statuses to the inbox). The first `warmUp` seconds of polling are not timed, so both halves
    /// show rows with latencies and sparklines. Returns both medians and how many health updates
    /// were applied.
    public static func keystrokes(
        store: any ConsoleStore, size: Size, seconds: Double, warmUp: Double = 2, pause: Double = 0.02,
        monitor: HealthMonitor
    ) throws -> (polling: TimeInterval, still: TimeInterval, updates: Int) {
        var state = ConsoleState(size: size, now: Date(), user: "bench", databasePath: "")
        _ = ConsoleReducer.apply(&state, .resized(size))
        settle(&state, ConsoleReducer.start(&state), store: store)
        let inbox = ConsoleInbox()
        let forwarder = Task.detached {
            let events = await monitor.events()
            inbox.post(.healthUpdated(await monitor.statuses()))
            await monitor.start()
            for await _ in events {
                inbox.post(.healthUpdated(await monitor.statuses()))
            }
        }
        var keys = KeyTimer(store: store, state: state)
        var updates = 0
        var index = 0
        /// Presses keys until `seconds` have passed, applying what the inbox holds before each.
        func press(for seconds: Double, timed: Bool) -> [TimeInterval] {
            var samples: [TimeInterval] = []
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
            while DispatchTime.now().uptimeNanoseconds < deadline {
                for event in inbox.drain() {
                    updates += 1
                    _ = ConsoleReducer.apply(&keys.state, event)
                }
                let elapsed = keys.press(index)
                if timed { samples.append(elapsed) }
                index += 1
                usleep(useconds_t(pause * 1e6))
            }
            return samples
        }
        _ = press(for: warmUp, timed: false)
        let polling = press(for: seconds, timed: true)
        blocking { await monitor.stop() }
        forwarder.cancel()
        for event in inbox.drain() { _ = ConsoleReducer.apply(&keys.state, event) }
        _ = ConsoleReducer.apply(&keys.state, .healthUpdated(blocking { await monitor.statuses() }))
        let still = press(for: seconds, timed: true)
        return (median(polling), median(still), updates)
    }

    private static func median(_ samples: [TimeInterval]) -> TimeInterval {
        samples.isEmpty ? 0 : samples.sorted()[samples.count / 2]
    }

    /// Waits on this thread for async work, as the console's own thread waits for nothing else.
    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let value = await body()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return result.withLock { $0! }
    }

    /// Presses keys over already-loaded data and times each: reducer, render and diff against the
    /// previous frame. Timeline loads the keys trigger are answered from a cache, so only UI work
    /// is timed.
    private struct KeyTimer {
        var state: ConsoleState
        let work: StoreWork
        var pages: [String: TimelinePage] = [:]
        var previous: ScreenBuffer

        init(store: any ConsoleStore, state: ConsoleState) {
            self.state = state
            work = StoreWork(store: store, user: "bench", clock: { Date() })
            previous = ConsoleView.render(state, theme: .dark).buffer
        }

        /// The `index`-th key moves the selection five rows down, then five up, and so on.
        mutating func press(_ index: Int) -> TimeInterval {
            let key: KeyPress = (index / 5) % 2 == 0 ? .character("j") : .character("k")
            let start = DispatchTime.now().uptimeNanoseconds
            var effects = ConsoleReducer.apply(&state, .key(key))
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                guard case .loadTimeline(let incident, _) = effect else { continue }
                if pages[incident] == nil {
                    if case .timelineLoaded(let page)? = work.answerNow(effect) { pages[incident] = page }
                }
                if let page = pages[incident] { effects += ConsoleReducer.apply(&state, .timelineLoaded(page)) }
            }
            let frame = ConsoleView.render(state, theme: .dark).buffer
            _ = frame.changes(from: previous)
            previous = frame
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
    }

    /// The state after the first screen, for measuring what one selection move sends.
    public static func loadedState(store: any ConsoleStore, size: Size) throws -> ConsoleState {
        var state = ConsoleState(size: size, now: Date(), user: "bench", databasePath: "")
        _ = ConsoleReducer.apply(&state, .resized(size))
        settle(&state, ConsoleReducer.start(&state), store: store)
        return state
    }

    /// Applies a key and answers the effects it asks for straight away, as the runtime would a
    /// moment later; for measuring what one key costs end to end.
    public static func pressing(_ key: KeyPress, in state: ConsoleState, store: any ConsoleStore) -> ConsoleState {
        var state = state
        settle(&state, ConsoleReducer.apply(&state, .key(key)), store: store)
        return state
    }

    /// Performs reads the reducer asks for, feeding results back until nothing is pending;
    /// writes are skipped, so measuring never changes the database.
    static func settle(_ state: inout ConsoleState, _ effects: [ConsoleEffect], store: any ConsoleStore) {
        let work = StoreWork(store: store, user: state.user, clock: { Date() })
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case .perform = effect { continue }
            if case .handoff(.submit) = effect { continue }
            if let event = work.answerNow(effect) { pending += ConsoleReducer.apply(&state, event) }
        }
    }
}
