import ArgumentParser
import IncidentCore

/// The timeline kinds a person may write by hand.
enum NoteKind: String, CaseIterable, ExpressibleByArgument {
    case note, decision, comms

    var timelineKind: TimelineKind {
        switch self {
        case .note: .note
        case .decision: .decision
        case .comms: .comms
        }
    }
}
