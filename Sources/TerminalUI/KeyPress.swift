/// One input event from the terminal, already decoded from escape sequences.
///
/// The console's key table matches on these, and the help overlay shows `displayName`,
/// so the keys users read are the keys that work.
public enum KeyPress: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (letters, digits, punctuation, 障, emoji…).
    case character(Character)
    /// Ctrl plus a letter, lower-cased (`.control("w")` for Ctrl-W). Tab, Enter and Backspace
    /// arrive as their own cases even though they share control codes.
    case control(Character)
    /// Alt (Meta) plus a character, sent by terminals as Esc followed by the character.
    case alt(Character)
    case up, down, left, right
    case enter, escape, tab, backTab
    case backspace, delete, insert
    case home, end, pageUp, pageDown
    /// F1…F24.
    case function(Int)
    /// The terminal changed size; re-read the size and redraw.
    case resize

    /// A short label for help screens and the README key list, e.g. `Ctrl-W`, `↑`, `F5`.
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + String(letter).uppercased()
        case .alt(let character): "Alt-" + String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        case .resize: "Resize"
        }
    }

    public var description: String { displayName }

    /// Decodes a C0 control code or DEL the way terminals send them (13 is Enter, 9 Tab,
    /// 8 and 127 Backspace, 1–26 Ctrl-letters); nil for anything else.
    public init?(controlCode code: UInt32) {
        switch code {
        case 9: self = .tab
        case 10, 13: self = .enter
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 0: self = .control(" ")
        case 1...26: self = .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28...31: self = .control(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        default: return nil
        }
    }
}
