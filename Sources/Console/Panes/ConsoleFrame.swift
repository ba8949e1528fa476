import TerminalUI

/// A rendered screen plus where the text cursor goes (nil hides it).
public struct ConsoleFrame: Equatable, Sendable {
    public var buffer: ScreenBuffer
    public var cursor: Point?
}
