import Foundation
import TerminalUI

/// An in-memory terminal that types the way a person does: each cue waits for its text to be
/// on screen (for the nth frame showing it) and then types its keys during that frame, before
/// the loop gets to read them. Keys still unread when the console flushes input are kept in
/// `flushedKeys`, so a test can see type-ahead being thrown away.
final class ScriptedTerminal: TerminalDevice {
    /// Type `keys` while presenting the `occurrence`th frame that contains `text`.
    struct Cue {
        var text: String
        var occurrence: Int
        var keys: [KeyPress]
    }

    struct Stalled: Error, CustomStringConvertible {
        var description: String
    }

    let size: Size
    let colorDepth = ColorDepth.colors256
    private var cues: [Cue]
    private var seen = 0
    private var pending: [KeyPress] = []
    private(set) var flushedKeys: [KeyPress] = []
    private(set) var screen = ""
    /// Bounds a hang: a script that never reaches its next cue fails instead of looping forever.
    let deadline: Date

    init(size: Size, cues: [Cue], limit: TimeInterval = 240) {
        self.size = size
        self.cues = cues
        deadline = Date().addingTimeInterval(limit)
    }

    func start() throws {}

    func stop() {}

    func present(_ buffer: ScreenBuffer, cursor: Point?) throws {
        screen = buffer.lines.joined(separator: "\n")
        guard let cue = cues.first, screen.contains(cue.text) else { return }
        seen += 1
        guard seen == cue.occurrence else { return }
        pending.append(contentsOf: cue.keys)
        cues.removeFirst()
        seen = 0
    }

    /// Like a terminal with nothing typed: waits out a short slice of the timeout, then nil.
    func readKey(timeout: Duration) throws -> KeyPress? {
        if Date() > deadline {
            throw Stalled(description: "waiting for “\(cues.first?.text ?? "")”; screen was:\n\(screen)")
        }
        guard pending.isEmpty else { return pending.removeFirst() }
        usleep(2_000)
        return nil
    }

    func flushInput() {
        flushedKeys.append(contentsOf: pending)
        pending.removeAll()
    }
}
