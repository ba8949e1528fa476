import TerminalUI

@testable import Console

/// Shared by the suites that drive the reducer with keys: the sample console, key presses and
/// typed text, as a person at the keyboard would send them.
protocol ConsoleKeyDriving {}

extension ConsoleKeyDriving {
    func state(_ width: Int = 120, _ height: Int = 40) -> ConsoleState {
        ConsoleSamples.loadedState(size: Size(width: width, height: height))
    }

    @discardableResult
    func press(_ state: inout ConsoleState, _ keys: KeyPress...) -> [ConsoleEffect] {
        keys.flatMap { ConsoleReducer.apply(&state, .key($0)) }
    }

    func type(_ state: inout ConsoleState, _ text: String) {
        for character in text { _ = ConsoleReducer.apply(&state, .key(.character(character))) }
    }
}
