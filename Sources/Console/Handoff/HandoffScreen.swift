import IncidentCore
import TerminalUI

/// The handoff screen's state: who it goes to, whether command passes with it, the notes being
/// written, and the report as it would be frozen now (read from the store, never built here).
public struct HandoffScreen: Equatable, Sendable {
    /// Which control the keyboard is talking to; Tab cycles through them in this order.
    public enum Field: Equatable, Sendable, CaseIterable {
        case recipient, transfer, notes
    }

    public var recipient: TextField
    public var transfersCommand = false
    public var notes: TextArea
    public var focus = Field.recipient
    /// Nil until the store answers the preview request.
    public var preview: HandoffReport?
    /// Rows of the report scrolled past.
    public var previewScroll = 0
    /// Why the last submit was refused, shown until the next edit.
    public var error: String?
    /// Esc was pressed with notes typed: the next key says whether to throw them away.
    public var confirmingDiscard = false
    /// Waiting for the store to record the handoff; keys that would submit again are ignored.
    public var isSubmitting = false
    /// Names seen in the incidents and the report, for completing the recipient.
    public var people: [String] = []

    public init(layout: HandoffScreenLayout) {
        recipient = TextField(visibleWidth: layout.recipientWidth)
        notes = TextArea(visibleSize: layout.notesText.size)
    }

    /// What a submit now would ask the store for.
    public var request: HandoffRequest {
        HandoffRequest(
            to: recipient.text.trimmingCharacters(in: .whitespaces), notes: notes.text,
            transfersCommand: transfersCommand)
    }

    /// Known people whose names start with what has been typed (all of them when nothing has).
    public var matchingPeople: [String] {
        let typed = recipient.text.trimmingCharacters(in: .whitespaces).lowercased()
        return people.filter { typed.isEmpty || $0.lowercased().hasPrefix(typed) }
    }
}
