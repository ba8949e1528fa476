import Dispatch
import Foundation
import IncidentCore
import Synchronization

/// The one place that decides where each effect runs: store work in order on one background
/// queue, a run's records on the runbook driver's queue, a confirmed step as its own task, and
/// the type-ahead flush on the terminal's thread after the next frame. Outcomes reach the inbox.
final class EffectRouter: Sendable {
    /// Where an effect goes; `job(for:)` is the routing table.
    enum Job: Sendable {
        case store(@Sendable (StoreWork) throws -> ConsoleEvent)
        case runbook(RunbookEffect)
        case runStep(RunbookStep, RunbookSession)
        case cancelStep
        case flushTypeAhead
    }

    let work: StoreWork
    let runbooks: RunbookDriver
    let inbox: ConsoleInbox
    let storeQueue = DispatchQueue(label: "sitrep.console.store")
    /// The database's change token when last looked at; nil before the first look.
    private let lastToken = Mutex<Int64?>(nil)
    /// Whether the last look at the store failed, so the console hears each change of heart once.
    private let unreachable = Mutex(false)
    private let flushRequested = Mutex(false)

    init(work: StoreWork, runbooks: RunbookDriver, inbox: ConsoleInbox) {
        self.work = work
        self.runbooks = runbooks
        self.inbox = inbox
    }

    static func job(for effect: ConsoleEffect) -> Job {
        switch effect {
        case .loadIncidents(let includeInactive): .store { try $0.incidents(includeInactive: includeInactive) }
        case .loadTimeline(let key, let request): .store { try $0.timeline(key: key, request: request) }
        case .loadContext(let key): .store { try $0.context(key: key) }
        case .perform(let action): .store { try $0.perform(action) }
        case .handoff(let handoff): .store { try $0.perform(handoff) }
        case .loadInsights(let query): .store { $0.insights(query) }
        case .runbook(let runbook): .runbook(runbook)
        case .runStep(let step, let session): .runStep(step, session)
        case .cancelStep: .cancelStep
        case .flushTypeAhead: .flushTypeAhead
        }
    }

    func route(_ effect: ConsoleEffect) {
        switch Self.job(for: effect) {
        case .store(let body):
            storeQueue.async { [self] in inbox.post(Self.answer(body, with: work)) }
        case .runbook(let runbook): runbooks.record(runbook)
        case .runStep(let step, let session): runbooks.execute(step, in: session)
        case .cancelStep: runbooks.cancelStep()
        case .flushTypeAhead: flushRequested.withLock { $0 = true }
        }
    }

    /// Store work done on the caller's thread, for measuring and for tests; nil for effects that
    /// are not store work.
    static func answerNow(_ effect: ConsoleEffect, with work: StoreWork) -> ConsoleEvent? {
        guard case .store(let body) = job(for: effect) else { return nil }
        return answer(body, with: work)
    }

    /// A failure becomes the notice the status bar shows; the console itself never stops.
    static func answer(_ body: (StoreWork) throws -> ConsoleEvent, with work: StoreWork) -> ConsoleEvent {
        do {
            return try body(work)
        } catch let error as StoreError {
            return .actionFailed(error.description)
        } catch {
            return .actionFailed("\(error)")
        }
    }

    /// True once after a `.flushTypeAhead`: the loop then throws pending keys away.
    func takeFlushRequest() -> Bool {
        flushRequested.withLock { requested in
            defer { requested = false }
            return requested
        }
    }

    /// Asks whether anything was committed since the last look, and posts `.storeChanged` if so.
    func pollChanges() {
        storeQueue.async { [self] in
            let current: Int64
            do {
                current = try work.changeToken()
            } catch {
                if !unreachable.withLock({ $0 }) {
                    unreachable.withLock { $0 = true }
                    inbox.post(.storeConnection("\(error)"))
                }
                return
            }
            if unreachable.withLock({ $0 }) {
                unreachable.withLock { $0 = false }
                inbox.post(.storeConnection(nil))
            }
            let previous = lastToken.withLock { token in
                defer { token = current }
                return token
            }
            if let previous, previous != current { inbox.post(.storeChanged) }
        }
    }

    /// Returns after everything queued on the store queue so far has run.
    func waitUntilIdle() {
        storeQueue.sync {}
    }
}
