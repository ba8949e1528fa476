import Console
import Foundation
import IncidentCore
import TerminalUI

/// Key presses, resizes down to one cell, ticks and store answers decoded from the input, reduced
/// as the console would, then the state they lead to rendered: no trap, and the frame fills the
/// screen exactly. Every state on the way is the last state of a shorter input, which libFuzzer's
/// cutting mutations reach, so one render per input checks them all at a fraction of the cost.
/// Reads the reducer asks for are answered from a real store; writes are answered as refused, so
/// the store stays the same for every input.
public struct ConsoleFuzzTarget: FuzzTarget {
    public static let name = "reducer"
    /// Each input is up to 64 reduced events and store reads and one render.
    public static let shortPassInputs = 200
    static let keys: [KeyPress] =
        Array("jkhlnNdsSaDRHLKPqI?/:yYx cr-0123456789PMabé障\u{301}".map { KeyPress.character($0) })
        + [
            .up, .down, .left, .right, .enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .home, .end,
            .pageUp, .pageDown, .function(1), .function(5), .resize, .control("c"), .control("d"), .control("t"),
            .control("w"), .control("a"), .control("e"), .control("u"), .control("l"), .alt("b"), .alt("f"),
        ]
    let work: StoreWork
    /// The store never changes, so each read is answered from it once and remembered: SQLite
    /// under AddressSanitizer would otherwise be most of the cost of an input.
    var answers: [(effect: ConsoleEffect, event: ConsoleEvent?)] = []
    let start: ConsoleState
    let health: [HealthCheckStatus]

    public init() throws {
        let store = try FuzzIncident.store()
        let now = Date(timeIntervalSince1970: 1_762_260_000)
        work = StoreWork(store: store, user: "fuzz", clock: { now })
        var state = ConsoleState(size: Size(width: 100, height: 30), now: now, user: "fuzz", databasePath: "fuzz.db")
        var effects = ConsoleReducer.apply(&state, .resized(state.size))
        effects += ConsoleReducer.start(&state)
        var answers: [(effect: ConsoleEffect, event: ConsoleEvent?)] = []
        Self.settle(&state, effects, work: work, answers: &answers)
        start = state
        self.answers = answers
        let file = try HealthCheckFile.parse(
            "endpoints:\n  - name: api\n    url: http://127.0.0.1:1/\n  - name: db\n    url: tcp://127.0.0.1:1\n",
            file: "checks.yaml")
        health = file.checks.enumerated().map { index, check in
            HealthCheckStatus(
                check: check, state: index == 0 ? .down : .up, since: now, lastSample: nil, recentSamples: [])
        }
    }

    /// Events past this many are ignored: longer inputs find nothing shorter ones cannot, and
    /// every event costs store reads.
    static let eventLimit = 64

    public mutating func run(_ input: [UInt8]) {
        var state = start
        var bytes = input.prefix(Self.eventLimit * 3)
        var events = 0
        while let byte = bytes.popFirst(), events < Self.eventLimit {
            events += 1
            let event = event(byte, &bytes, state: state)
            Self.settle(&state, ConsoleReducer.apply(&state, event), work: work, answers: &answers)
        }
        let frame = ConsoleView.render(state, theme: .dark).buffer
        precondition(
            frame.height == state.size.height && frame.width == state.size.width
                && frame.cells.count == frame.width * frame.height,
            "a \(state.size.width)×\(state.size.height) screen drew \(frame.width)×\(frame.height)")
    }

    func event(_ byte: UInt8, _ rest: inout ArraySlice<UInt8>, state: ConsoleState) -> ConsoleEvent {
        switch byte {
        case 0..<200:
            return .key(Self.keys[Int(byte) % Self.keys.count])
        case 200..<215:
            let width = Int(rest.popFirst() ?? 1) % 240 + 1
            let height = Int(rest.popFirst() ?? 1) % 80 + 1
            return .resized(Size(width: width, height: height))
        case 215..<225:
            return .tick(state.now.addingTimeInterval(Double(rest.popFirst() ?? 1)))
        case 225..<230:
            return .healthUpdated(byte % 2 == 0 ? health : [])
        case 230..<235:
            return .storeChanged
        case 235..<240:
            return .storeConnection(byte % 2 == 0 ? nil : "cannot reach the server")
        case 240..<248:
            return .actionFailed("the store said no")
        default:
            return .actionSucceeded(message: "done", selectKey: nil)
        }
    }

    /// Answers reads at once, as the runtime would a moment later, and refuses everything that
    /// would write, run a step or wait on a person; bounded, in case effects ever loop.
    static func settle(
        _ state: inout ConsoleState, _ effects: [ConsoleEffect], work: StoreWork,
        answers: inout [(effect: ConsoleEffect, event: ConsoleEvent?)]
    ) {
        var pending = effects
        var answered = 0
        while !pending.isEmpty, answered < 64 {
            let effect = pending.removeFirst()
            answered += 1
            let event: ConsoleEvent?
            switch effect {
            case .loadIncidents, .loadTimeline, .loadContext, .handoff(.preview), .handoff(.loadLog),
                .runbook(.loadLibrary), .loadInsights:
                if let known = answers.first(where: { $0.effect == effect }) {
                    event = known.event
                } else {
                    event = work.answerNow(effect)
                    if answers.count < 512 { answers.append((effect, event)) }
                }
            case .perform, .handoff(.submit), .runbook, .runStep:
                event = .actionFailed("not written while fuzzing")
            case .cancelStep, .flushTypeAhead:
                event = nil
            }
            if let event { pending += ConsoleReducer.apply(&state, event) }
        }
    }
}
