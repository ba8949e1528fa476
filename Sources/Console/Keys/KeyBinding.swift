import TerminalUI

/// One row of the key table: the keys, what they do, and the words shown in help and README.
public struct KeyBinding: Equatable, Sendable {
    public var keys: [KeyPress]
    public var action: KeyAction
    public var section: String
    public var description: String

    public init(_ keys: [KeyPress], _ action: KeyAction, _ section: String, _ description: String) {
        self.keys = keys
        self.action = action
        self.section = section
        self.description = description
    }

    /// `j / ↓` style, as help and the README show it.
    public var keyLabel: String { keys.map(\.displayName).joined(separator: " / ") }
}
