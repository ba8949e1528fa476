/// One terminal cell: a grapheme and its style.
///
/// A wide character (障, 🔥) fills its own cell and marks the cell to its right as a
/// continuation, so every row of a buffer always has exactly `width` columns.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character; backends skip it when drawing.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
        self.isContinuation = false
    }

    /// The right half of a wide character drawn with `style`.
    public static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    /// An empty cell with the terminal's default colours.
    public static let blank = Cell()

    /// Columns the character covers (2 for the lead cell of a wide character, 0 for a continuation).
    public var width: Int { isContinuation ? 0 : max(1, DisplayWidth.of(character)) }
}
