import Foundation
import IncidentCore
import TerminalUI

/// Turns timeline entries into display rows for a pane width. Works from the newest entry
/// backwards and stops once it has enough rows, so cost follows the screen, not the history.
public struct TimelineLayout: Sendable {
    public var width: Int
    public var offsetSeconds: Int

    public init(width: Int, offsetSeconds: Int) {
        self.width = width
        self.offsetSeconds = offsetSeconds
    }

    static let timeWidth = 8
    static let authorWidth = 10
    static let kindWidth = 9

    /// Column where entry text starts; narrow panes put text under the header instead.
    var textColumn: Int {
        let column = Self.timeWidth + 1 + Self.authorWidth + 1 + Self.kindWidth + 1
        return width - column >= 20 ? column : 2
    }

    /// The last `count` rows ending at the newest entry, newest last; also says whether every
    /// loaded entry was used up before `count` rows were found.
    public func tail(_ entries: [TimelineEntry], rows count: Int) -> (lines: [TimelineLine], exhausted: Bool) {
        var collected: [[TimelineLine]] = []
        var total = 0
        var index = entries.count - 1
        while index >= 0, total < count {
            let entry = entries[index]
            var block = lines(for: entry)
            let previousDay = index > 0 ? day(of: entries[index - 1]) : nil
            if previousDay != day(of: entry) {
                block.insert(TimelineLine(part: .day(day(of: entry))), at: 0)
            }
            collected.append(block)
            total += block.count
            index -= 1
        }
        let lines = Array(collected.reversed().joined())
        return (Array(lines.suffix(count)), index < 0 && total < count)
    }

    /// All rows for one entry: a header row and wrapped continuation rows.
    public func lines(for entry: TimelineEntry) -> [TimelineLine] {
        let textWidth = max(1, width - textColumn)
        let text = entry.text.replacingOccurrences(of: "\t", with: "  ")
        var wrapped = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            WordWrap.lines(String($0), width: textWidth)
        }
        if wrapped.isEmpty { wrapped = [""] }
        let time = clock(of: entry)
        if textColumn == 2 {
            return [TimelineLine(part: .head(time: time, author: entry.author, kind: entry.kind, text: ""))]
                + wrapped.map { TimelineLine(part: .continuation($0)) }
        }
        return [TimelineLine(part: .head(time: time, author: entry.author, kind: entry.kind, text: wrapped[0]))]
            + wrapped.dropFirst().map { TimelineLine(part: .continuation($0)) }
    }

    func shifted(_ date: Date) -> Date { date.addingTimeInterval(Double(offsetSeconds)) }

    func clock(of entry: TimelineEntry) -> String {
        String(Timestamp.short(shifted(entry.eventAt)).suffix(8))
    }

    func day(of entry: TimelineEntry) -> String {
        Timestamp.day(shifted(entry.eventAt))
    }
}
