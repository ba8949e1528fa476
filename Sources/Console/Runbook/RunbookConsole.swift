/// The console's runbook side: the library's names for completion, the run attached from the
/// console (if any), and whether a quit is waiting for confirmation because a step is running.
public struct RunbookConsole: Equatable, Sendable {
    public var names: [String] = []
    public var run: RunbookConsoleRun?
    public var confirmingQuit = false

    public init() {}
}
