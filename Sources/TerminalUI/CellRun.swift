/// Consecutive cells on one row that a backend writes in one go after a single cursor move.
public struct CellRun: Hashable, Sendable {
    /// Column of the first cell; never a continuation cell.
    public var x: Int
    public var y: Int
    /// The cells in order, continuation cells included, so `x + cells.count` is the end column.
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }

    /// The run's characters, continuations dropped.
    public var text: String {
        String(cells.filter { !$0.isContinuation }.map(\.character))
    }
}
