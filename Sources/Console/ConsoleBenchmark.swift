import Foundation
import IncidentCore
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
        let runner = EffectRunner(store: store, user: "bench", inbox: ConsoleInbox())
        settle(&state, ConsoleReducer.start(&state), store: store)
        // Timeline loads the keys trigger are answered from a cache, so only UI work is timed.
        var pages: [String: TimelinePage] = [:]
        var previous = ConsoleView.render(state, theme: .dark).buffer
        var samples: [TimeInterval] = []
        samples.reserveCapacity(count)
        for index in 0..<count {
            let key: KeyPress = (index / 5) % 2 == 0 ? .character("j") : .character("k")
            let start = DispatchTime.now().uptimeNanoseconds
            var effects = ConsoleReducer.apply(&state, .key(key))
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                guard case .loadTimeline(let incident, _) = effect else { continue }
                if pages[incident] == nil {
                    if case .timelineLoaded(let page)? = runner.perform(effect) { pages[incident] = page }
                }
                if let page = pages[incident] { effects += ConsoleReducer.apply(&state, .timelineLoaded(page)) }
            }
            let frame = ConsoleView.render(state, theme: .dark).buffer
            _ = frame.changes(from: previous)
            previous = frame
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return samples.sorted()[samples.count / 2]
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
        let runner = EffectRunner(store: store, user: state.user, inbox: ConsoleInbox())
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case .perform = effect { continue }
            if case .handoff(.submit) = effect { continue }
            if let event = runner.perform(effect) { pending += ConsoleReducer.apply(&state, event) }
        }
    }
}
