import ArgumentParser
import CommandLineSupport
import IncidentCore

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note, decision or comms update to an incident's timeline.")

    @Argument(help: "Incident key.") var key: String
    @Argument(help: "The text.") var text: String
    @Option(name: .long, help: "What kind of entry.") var kind: NoteKind = .note
    @OptionGroup var time: EventTimeOption
    @OptionGroup var options: StoreOptions

    func validate() throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("The note text must not be empty.")
        }
    }

    func run() throws {
        let entry = try options.run { store, author in
            try store.appendNote(key: key, text: text, kind: kind.timelineKind, by: time.attribution(author))
        }
        print("\(key.uppercased()) #\(entry.sequence)")
    }
}
