extension ScreenBuffer {
    /// The runs of cells that differ from `previous`, row by row, left to right.
    ///
    /// Backends write only these. A run never starts on the right half of a wide character
    /// and always includes both halves, so the terminal redraws whole glyphs. Unchanged gaps
    /// of at most `joiningGapsUpTo` cells are folded into one run, because rewriting a few
    /// cells is cheaper than another cursor-movement sequence. With no previous buffer, or one
    /// of another size, every cell is a change.
    public func changes(from previous: ScreenBuffer?, joiningGapsUpTo gap: Int = 0) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).compactMap { y in
                width == 0 ? nil : CellRun(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)]))
            }
        }
        var runs: [CellRun] = []
        for y in 0..<height {
            let rowStart = y * width
            var spans: [(start: Int, end: Int)] = []
            var x = 0
            while x < width {
                guard cells[rowStart + x] != previous.cells[rowStart + x] else {
                    x += 1
                    continue
                }
                var start = x
                if cells[rowStart + start].isContinuation && start > 0 { start -= 1 }
                var end = x + 1
                if end < width && cells[rowStart + end].isContinuation { end += 1 }
                if let last = spans.last, start <= last.end + max(0, gap) {
                    spans[spans.count - 1].end = max(last.end, end)
                } else {
                    spans.append((start, end))
                }
                x = end
            }
            for span in spans {
                runs.append(
                    CellRun(x: span.start, y: y, cells: Array(cells[(rowStart + span.start)..<(rowStart + span.end)])))
            }
        }
        return runs
    }
}
