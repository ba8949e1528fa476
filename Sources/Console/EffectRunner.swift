import Dispatch
import Foundation
import IncidentCore
import Synchronization

/// Performs effects against the store on a background queue, one at a time and in order, and
/// posts each outcome to the inbox. Keeps database work off the terminal's thread.
final class EffectRunner: Sendable {
    let store: any ConsoleStore
    let user: String
    let inbox: ConsoleInbox
    let queue = DispatchQueue(label: "sitrep.console.store")
    /// The database's change token when last looked at; nil before the first look.
    let lastToken = Mutex<Int64?>(nil)

    init(store: any ConsoleStore, user: String, inbox: ConsoleInbox) {
        self.store = store
        self.user = user
        self.inbox = inbox
    }

    func run(_ effect: ConsoleEffect) {
        queue.async { [self] in
            if let event = perform(effect) { inbox.post(event) }
        }
    }

    /// Asks whether anything was committed since the last look, and posts `.storeChanged` if so.
    func pollChanges() {
        queue.async { [self] in
            guard let current = try? store.changeToken() else { return }
            let previous = lastToken.withLock { token in
                defer { token = current }
                return token
            }
            if let previous, previous != current { inbox.post(.storeChanged) }
        }
    }

    /// Runs work after everything queued before it, for tests and orderly shutdown.
    func waitUntilIdle() {
        queue.sync {}
    }

    func perform(_ effect: ConsoleEffect) -> ConsoleEvent? {
        do {
            switch effect {
            case .quit, .runbook:
                return nil
            case .loadIncidents(let includeInactive):
                return .incidentsLoaded(try store.incidents(includeInactive: includeInactive))
            case .loadTimeline(let key, let request):
                let total = try store.incident(key: key).timelineCount
                let entries: [TimelineEntry]
                switch request {
                case .tail(let limit):
                    entries = try store.timeline(key: key, fromSequence: max(1, total - limit + 1), limit: limit)
                case .before(let sequence, let limit):
                    let from = max(1, sequence - limit)
                    entries = try store.timeline(key: key, fromSequence: from, limit: sequence - from)
                case .after(let sequence, let limit):
                    entries = try store.timeline(key: key, fromSequence: sequence + 1, limit: limit)
                }
                return .timelineLoaded(TimelinePage(key: key, request: request, totalCount: total, entries: entries))
            case .loadContext(let key):
                var runbook: RunbookProgress?
                if let key, let run = try store.runbookRuns(key: key).last, let id = run.id {
                    runbook = RunbookProgress(run: run, steps: try store.stepRuns(runId: id))
                }
                return .contextLoaded(
                    IncidentContext(key: key, runbook: runbook, pendingHandoff: try store.pendingHandoff()))
            case .perform(let action):
                return try perform(action)
            case .handoff(let effect):
                return try perform(effect)
            }
        } catch let error as StoreError {
            return .actionFailed(error.description)
        } catch {
            return .actionFailed("\(error)")
        }
    }

    func perform(_ action: StoreAction) throws -> ConsoleEvent {
        let by = Attribution(author: user)
        switch action {
        case .declare(let declaration):
            let incident = try store.declareIncident(declaration, by: by)
            return .actionSucceeded(message: "Declared \(incident.key)", selectKey: incident.key)
        case .note(let key, let text, let kind):
            let entry = try store.appendNote(key: key, text: text, kind: kind, by: by)
            return .actionSucceeded(
                message: "\(kind.rawValue.capitalized) added to \(key) (#\(entry.sequence))", selectKey: nil)
        case .status(let key, let move, let note):
            let incident = try store.changeStatus(key: key, move: move, note: note, by: by)
            return .actionSucceeded(message: "\(incident.key) is \(incident.status.rawValue)", selectKey: nil)
        case .severity(let key, let severity, let note):
            let incident = try store.changeSeverity(key: key, to: severity, note: note, by: by)
            return .actionSucceeded(message: "\(incident.key) is \(incident.severity.rawValue)", selectKey: nil)
        case .assign(let key, let role, let person):
            _ = try store.assignRole(key: key, role: role, person: person, by: by)
            return .actionSucceeded(message: "\(person) is \(role.title) of \(key)", selectKey: nil)
        case .release(let key, let role, let person):
            try store.releaseRole(key: key, role: role, person: person, by: by)
            return .actionSucceeded(message: "\(person) is no longer \(role.title) of \(key)", selectKey: nil)
        case .edit(let key, let field, let value):
            _ = try store.updateField(key: key, field: field, value: value, by: by)
            return .actionSucceeded(message: "\(field.rawValue) of \(key) updated", selectKey: nil)
        case .addAction(let key, let draft):
            let item = try store.addActionItem(key: key, draft: draft, by: by)
            return .actionSucceeded(message: "Action item #\(item.id ?? 0) added to \(key)", selectKey: nil)
        case .completeAction(let id):
            let item = try store.completeActionItem(id: id, by: by)
            return .actionSucceeded(message: "Action item #\(id) done: \(item.title)", selectKey: nil)
        case .handoff(let person, let notes):
            let handoff = try store.createHandoff(HandoffRequest(to: person, notes: notes), by: by)
            return .actionSucceeded(
                message: "Handoff #\(handoff.id) to \(handoff.to) recorded; waiting for them to acknowledge",
                selectKey: nil)
        case .acknowledgeHandoff:
            let handoff = try store.acknowledgeHandoff(id: nil, by: by)
            return .actionSucceeded(message: "Handoff #\(handoff.id) from \(handoff.from) acknowledged", selectKey: nil)
        case .writePostmortem(let key):
            let path = try PostmortemDraft.write(key: key, from: store)
            return .actionSucceeded(message: "Postmortem draft written to \(path)", selectKey: nil)
        }
    }
}
