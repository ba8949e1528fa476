/// What the console needs from a terminal: its size, a way to show a frame and a way to read
/// keys. The curses backend implements it for real terminals and `VirtualTerminal` for tests,
/// so the console loop runs unchanged on both.
///
/// Implementations are not thread-safe: call every method from the one thread that owns the
/// terminal (Debian's ncurses is not thread-safe).
public protocol TerminalDevice: AnyObject {
    /// Current size in cells; changes after a `.resize` key.
    var size: Size { get }
    /// What the terminal can show; `.monochrome` when it has no colours or `NO_COLOR` is set,
    /// in which case the caller should use `Theme.monochrome`.
    var colorDepth: ColorDepth { get }
    /// Takes over the screen (alternate screen, raw-ish input).
    func start() throws
    /// Gives the screen back exactly as it was; safe to call twice.
    func stop()
    /// Shows a frame, writing only what changed since the last one; `cursor` places a visible
    /// cursor (for text input), nil hides it.
    func present(_ buffer: ScreenBuffer, cursor: Point?) throws
    /// Waits up to `timeout` for a key; nil when none arrived, so the loop can run its tick.
    func readKey(timeout: Duration) throws -> KeyPress?
    /// Throws away keys typed but not yet read, so a prompt just drawn cannot be answered by
    /// a key pressed before it appeared.
    func flushInput()
    /// With `true`, Ctrl-C arrives as `.control("c")` instead of interrupting the program
    /// (while a runbook step runs it cancels the step); `false` restores the usual signal.
    func setInterruptAsKey(_ asKey: Bool)
}

extension TerminalDevice {
    public func flushInput() {}

    public func setInterruptAsKey(_ asKey: Bool) {}

    /// Shows a frame with the cursor hidden.
    public func present(_ buffer: ScreenBuffer) throws {
        try present(buffer, cursor: nil)
    }
}
