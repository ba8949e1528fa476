import Testing

@testable import TerminalUI

@Suite struct ScreenDiffTests {
    @Test func identicalBuffersHaveNoChanges() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.write("same", x: 1, y: 1)
        #expect(buffer.changes(from: buffer).isEmpty)
    }

    @Test func firstFrameOrNewSizeRedrawsEveryRow() {
        let buffer = ScreenBuffer(width: 4, height: 2)
        #expect(buffer.changes(from: nil).map(\.cells.count) == [4, 4])
        #expect(buffer.changes(from: ScreenBuffer(width: 5, height: 2)).count == 2)
    }

    @Test func changedCellsFormRuns() {
        var old = ScreenBuffer(width: 10, height: 2)
        old.write("hello", x: 0, y: 0)
        var new = old
        new.write("J", x: 0, y: 0)
        new.write("XY", x: 6, y: 0)
        new.write("z", x: 9, y: 1)
        let runs = new.changes(from: old)
        #expect(runs.map(\.x) == [0, 6, 9])
        #expect(runs.map(\.y) == [0, 0, 1])
        #expect(runs.map(\.text) == ["J", "XY", "z"])
    }

    @Test func styleOnlyChangesAreChanges() {
        var old = ScreenBuffer(width: 4, height: 1)
        old.write("abcd", x: 0, y: 0)
        var new = old
        new.applyStyle(Rect(x: 1, y: 0, width: 2, height: 1)) { $0.adding(.reverse) }
        let runs = new.changes(from: old)
        #expect(runs == [CellRun(x: 1, y: 0, cells: [new[1, 0], new[2, 0]])])
    }

    @Test func smallGapsAreJoined() {
        var old = ScreenBuffer(width: 10, height: 1)
        old.write("..........", x: 0, y: 0)
        var new = old
        new.write("a", x: 1, y: 0)
        new.write("b", x: 4, y: 0)
        new.write("c", x: 9, y: 0)
        #expect(new.changes(from: old).count == 3)
        let joined = new.changes(from: old, joiningGapsUpTo: 2)
        #expect(joined.map(\.text) == ["a..b", "c"])
    }

    @Test func runsIncludeBothHalvesOfWideCharacters() {
        var old = ScreenBuffer(width: 6, height: 1)
        old.write("障害", x: 0, y: 0)
        var new = old
        new.write("火", x: 2, y: 0)
        let runs = new.changes(from: old)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2)
        #expect(runs[0].cells.count == 2)
        #expect(runs[0].text == "火")
    }

    @Test func aChangedContinuationPullsInItsLeadCell() {
        var old = ScreenBuffer(width: 4, height: 1)
        old.write("障", x: 0, y: 0)
        var new = old
        new.applyStyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.adding(.bold) }
        let runs = new.changes(from: old)
        #expect(runs.first?.x == 0)
        #expect(runs.first?.cells.count == 2)
    }

    @Test func movingTheSelectionChangesOnlyTwoRows() {
        func frame(selected: Int) -> ScreenBuffer {
            var buffer = ScreenBuffer(width: 40, height: 10)
            let rows = (0..<8).map { [Span("INC-20240101-00\($0) database down")] }
            var state = ListViewState()
            state.select(selected, itemCount: rows.count, visibleRows: 10)
            ListView(rows: rows, state: state).render(into: &buffer, area: buffer.bounds, theme: .dark)
            return buffer
        }
        let runs = frame(selected: 3).changes(from: frame(selected: 2))
        #expect(Set(runs.map(\.y)) == [2, 3])
    }
}
