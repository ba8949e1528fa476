import TerminalUI

/// What the keyboard is currently talking to.
public enum ConsoleMode: Equatable, Sendable {
    case normal
    case help(scrollOffset: Int)
    case input(InputPurpose, TextField)
    case handoff(HandoffScreen)
    case handoffLog(HandoffLog)
    case insights(InsightsScreen)
}
