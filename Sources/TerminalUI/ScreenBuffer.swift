/// A width×height grid of cells that widgets draw into and backends present.
///
/// Rendering is pure: the console builds a fresh buffer per frame and the backend diffs it
/// with the previous one, so only changed cells reach the terminal.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: Size, fill: Cell = .blank) {
        self.init(width: size.width, height: size.height, fill: fill)
    }

    public var size: Size { Size(width: width, height: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position; reading outside the buffer gives a blank cell.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Puts a cell at a position. A wide character also claims the next column (or becomes a
    /// space at the right edge), and any wide character it cuts in half is repaired. Writes
    /// outside the buffer, and continuation cells (which only `set` itself places), are ignored.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height, !cell.isContinuation else { return }
        let isWide = cell.width == 2
        clearWideCharacter(touching: x, y: y)
        if isWide && x + 1 < width {
            clearWideCharacter(touching: x + 1, y: y)
            cells[y * width + x] = cell
            cells[y * width + x + 1] = .continuation(style: cell.style)
        } else if isWide {
            cells[y * width + x] = Cell(" ", style: cell.style)
        } else {
            cells[y * width + x] = cell
        }
    }

    /// Fills a rectangle (clipped to the buffer) with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty, !cell.isContinuation else { return }
        guard cell.width == 1 else {
            for y in area.minY..<area.maxY {
                for x in area.minX..<area.maxX { set(cell, x: x, y: y) }
            }
            return
        }
        // A narrow cell can only cut a wide character in half at the rectangle's two edges; the
        // inside is overwritten whole, so one width check per fill instead of one per cell.
        for y in area.minY..<area.maxY {
            clearWideCharacter(touching: area.minX, y: y)
            clearWideCharacter(touching: area.maxX - 1, y: y)
            for x in area.minX..<area.maxX { cells[y * width + x] = cell }
        }
    }

    /// Restyles a rectangle while keeping its characters, e.g. to paint a selected row.
    public mutating func applyStyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX { cells[y * width + x].style = transform(cells[y * width + x].style) }
        }
    }

    /// Writes text on one row starting at column `x`, clipped to `clip` (default: the whole
    /// buffer) and to `maxWidth` columns. A wide character that would straddle the right edge
    /// is replaced by a space rather than being split. Control characters are skipped.
    ///
    /// - Returns: the column just after the last one written, so callers can chain spans.
    @discardableResult
    public mutating func write(
        _ text: String,
        x: Int,
        y: Int,
        style: Style = .plain,
        maxWidth: Int? = nil,
        clip: Rect? = nil
    ) -> Int {
        var area = (clip ?? bounds).intersection(bounds)
        if let maxWidth {
            area = area.intersection(Rect(x: x, y: area.y, width: max(0, maxWidth), height: area.height))
        }
        guard y >= area.minY, y < area.maxY else { return x }
        var column = x
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column >= area.maxX { break }
            if column + characterWidth > area.maxX || column < area.minX {
                // Clipped on the left, or a wide character cut by the right edge: keep the
                // visible columns as spaces so nothing half-drawn reaches the terminal.
                for offset in 0..<characterWidth where column + offset >= area.minX && column + offset < area.maxX {
                    set(Cell(" ", style: style), x: column + offset, y: y)
                }
                column += characterWidth
                continue
            }
            set(Cell(character, style: style), x: column, y: y)
            column += characterWidth
        }
        return min(column, max(area.maxX, x))
    }

    /// Writes spans one after another on a row, clipped like `write(_:x:y:style:maxWidth:clip:)`.
    @discardableResult
    public mutating func write(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        let limit = maxWidth.map { x + max(0, $0) }
        var column = x
        for span in spans {
            let remaining = limit.map { $0 - column }
            if let remaining, remaining <= 0 { break }
            column = write(span.text, x: column, y: y, style: span.style, maxWidth: remaining, clip: clip)
        }
        return column
    }

    /// Copies another buffer in with its top-left corner at `origin`, clipped to this buffer.
    public mutating func draw(_ other: ScreenBuffer, at origin: Point) {
        for y in 0..<other.height {
            for x in 0..<other.width {
                let cell = other[x, y]
                set(cell, x: origin.x + x, y: origin.y + y)
            }
        }
    }

    /// The characters of one row, continuations dropped; for golden-file tests and debugging.
    public func text(row y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = ""
        for x in 0..<width where !cells[y * width + x].isContinuation {
            line.append(cells[y * width + x].character)
        }
        return line
    }

    /// Every row as text, trailing spaces trimmed: the format of golden screen files.
    public var lines: [String] {
        (0..<height).map { y in
            var line = Substring(text(row: y))
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }
    }

    /// If the cell at `x` is half of a wide character, turns the other half into a space so
    /// overwriting one half never leaves an orphan behind.
    private mutating func clearWideCharacter(touching x: Int, y: Int) {
        let index = y * width + x
        let current = cells[index]
        if current.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if current.width == 2, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }
}
