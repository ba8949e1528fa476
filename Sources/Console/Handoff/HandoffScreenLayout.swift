import TerminalUI

/// Where the handoff screen's parts go at a terminal size: the form and notes on the left,
/// the report preview on the right, a message line and the key hints at the bottom.
public struct HandoffScreenLayout: Equatable, Sendable {
    public static let labelWidth = 10

    public var size: Size

    public init(size: Size) {
        self.size = size
    }

    public var title: Rect { Rect(x: 0, y: 0, width: size.width, height: 1) }
    var formWidth: Int { max(30, size.width * 45 / 100) }
    public var recipientRow: Int { 2 }
    public var transferRow: Int { 3 }
    public var peopleRow: Int { 4 }
    public var recipientWidth: Int { max(1, formWidth - Self.labelWidth - 2) }
    /// The bordered notes box.
    public var notes: Rect {
        Rect(x: 0, y: 6, width: formWidth, height: max(3, size.height - 6 - 2))
    }
    /// Inside the notes border: the text area's size.
    public var notesText: Rect { Pane.contentArea(of: notes) }
    public var preview: Rect {
        Rect(x: formWidth, y: 1, width: max(0, size.width - formWidth), height: max(0, size.height - 3))
    }
    public var previewText: Rect { Pane.contentArea(of: preview) }
    public var messageRow: Int { max(0, size.height - 2) }
    public var hintRow: Int { max(0, size.height - 1) }
}
