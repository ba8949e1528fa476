import Foundation
import IncidentCore

/// The console's store reads and writes, each a plain throwing call that answers with the event
/// the reducer expects. `EffectRouter` decides when and on which queue they run.
public struct StoreWork: Sendable {
    let store: any ConsoleStore
    let user: String
    /// The console's clock: a handoff preview shows what a handoff made at this moment would freeze.
    let clock: @Sendable () -> Date

    public init(store: any ConsoleStore, user: String, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.user = user
        self.clock = clock
    }

    func incidents(includeInactive: Bool) throws -> ConsoleEvent {
        .incidentsLoaded(try store.incidents(includeInactive: includeInactive))
    }

    func timeline(key: String, request: TimelineRequest) throws -> ConsoleEvent {
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
    }

    /// Runbook progress of the incident and the pending handoff.
    func context(key: String?) throws -> ConsoleEvent {
        var runbook: RunbookProgress?
        if let key, let run = try store.runbookRuns(key: key).last, let id = run.id {
            runbook = RunbookProgress(run: run, steps: try store.stepRuns(runId: id))
        }
        return .contextLoaded(IncidentContext(key: key, runbook: runbook, pendingHandoff: try store.pendingHandoff()))
    }

    /// Performs store work on the caller's thread (for measuring); nil for effects that are not
    /// store work.
    public func answerNow(_ effect: ConsoleEffect) -> ConsoleEvent? {
        EffectRouter.answerNow(effect, with: self)
    }

    /// The database's change token, to notice other processes' commits.
    func changeToken() throws -> Int64 {
        try store.changeToken()
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
