/// An in-memory terminal for tests of the console loop: keys are queued by the test, frames
/// are kept for assertions, and nothing touches a real tty (like ratatui's `TestBackend`).
public final class VirtualTerminal: TerminalDevice {
    public private(set) var size: Size
    public let colorDepth: ColorDepth
    /// The last frame presented, or nil before the first.
    public private(set) var screen: ScreenBuffer?
    public private(set) var cursor: Point?
    public private(set) var isStarted = false
    /// How many frames were presented and how many cells each one changed.
    public private(set) var changedCellCounts: [Int] = []
    private var pendingKeys: [KeyPress] = []

    public init(size: Size, colorDepth: ColorDepth = .colors256) {
        self.size = size
        self.colorDepth = colorDepth
    }

    public func start() throws { isStarted = true }

    public func stop() { isStarted = false }

    public func present(_ buffer: ScreenBuffer, cursor: Point?) throws {
        let changes = buffer.changes(from: screen)
        changedCellCounts.append(changes.reduce(0) { $0 + $1.cells.count })
        screen = buffer
        self.cursor = cursor
    }

    /// Returns the next queued key, or nil at once when the queue is empty (no real waiting).
    public func readKey(timeout: Duration) throws -> KeyPress? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    /// Keys still queued when `flushInput` ran, which a real terminal would have thrown away.
    public private(set) var flushedKeys: [KeyPress] = []
    public private(set) var interruptIsKey = false

    public func flushInput() {
        flushedKeys.append(contentsOf: pendingKeys)
        pendingKeys.removeAll()
    }

    public func setInterruptAsKey(_ asKey: Bool) {
        interruptIsKey = asKey
    }

    /// Queues keys for `readKey`.
    public func send(_ keys: KeyPress...) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Queues each character of `text` as a `.character` key.
    public func type(_ text: String) {
        pendingKeys.append(contentsOf: text.map { KeyPress.character($0) })
    }

    /// Changes the size and queues a `.resize`, as a real terminal does on SIGWINCH.
    public func resize(to newSize: Size) {
        size = newSize
        pendingKeys.append(.resize)
    }
}
