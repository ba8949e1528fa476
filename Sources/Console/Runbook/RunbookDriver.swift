import Dispatch
import Foundation
import IncidentCore
import Synchronization

/// Performs runbook effects for the console: store writes in order on one background queue,
/// and each confirmed step as its own task, so neither the terminal's thread nor the store
/// queue ever waits for a step. A step's output goes into a bounded buffer that the loop takes
/// from once per turn, so a step writing hundreds of megabytes costs the console a few KiB.
final class RunbookDriver: Sendable {
    /// The most output bytes held between two turns of the loop; older ones are only dropped
    /// from the display (the store's capture keeps head, tail and hash of everything).
    static let pendingLimit = 16 * 1024

    let runner: RunbookRunner
    let library: RunbookLibrary
    let environment: [String: String]
    let attribution: Attribution
    let inbox: ConsoleInbox
    let queue = DispatchQueue(label: "sitrep.console.runbook")
    private let pending = Mutex<[UInt8]>([])
    private let active = Mutex<StepControl?>(nil)
    /// The running step's task, which ends once its result is recorded; kept for an orderly quit.
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(
        store: any RunbookStore, library: RunbookLibrary, environment: [String: String], user: String,
        inbox: ConsoleInbox
    ) {
        runner = RunbookRunner(store: store)
        self.library = library
        self.environment = environment
        attribution = Attribution(author: user)
        self.inbox = inbox
    }

    /// Output written since the last call, or nil when there is none.
    func takeOutput() -> [UInt8]? {
        pending.withLock { bytes in
            guard !bytes.isEmpty else { return nil }
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
    }

    /// Performs a run's store work after whatever was queued before it, and posts the outcome.
    func record(_ effect: RunbookEffect) {
        queue.async { [self] in
            inbox.post(.runbook(perform(effect)))
        }
    }

    /// Ends the running step's whole process group; its result is still recorded.
    func cancelStep() {
        active.withLock { $0 }?.cancel()
    }

    /// Cancels a running step and waits (bounded by the executor's grace period) until its
    /// result is recorded, so quitting never leaves a step's processes behind.
    func shutdown() {
        cancelStep()
        if let running = task.withLock({ $0 }) {
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                await running.value
                done.signal()
            }
            _ = done.wait(timeout: .now() + 15)
        }
        queue.sync {}
    }

    func execute(_ step: RunbookStep, in session: RunbookSession) {
        let control = StepControl()
        active.withLock { $0 = control }
        let runner = self.runner
        let attribution = self.attribution
        let started = Task.detached { [self] in
            let event: RunbookEvent
            do {
                let record = try await runner.execute(
                    step, in: session, confirmedBy: attribution, control: control,
                    onOutput: { [self] bytes in append(bytes) })
                event = .stepFinished(record)
            } catch {
                event = .failed("\(error)")
            }
            if let rest = takeOutput() { inbox.post(.runbook(.output(rest))) }
            active.withLock { $0 = nil }
            inbox.post(.runbook(event))
        }
        task.withLock { $0 = started }
    }

    func append(_ bytes: [UInt8]) {
        pending.withLock { buffer in
            buffer.append(contentsOf: bytes.suffix(Self.pendingLimit))
            if buffer.count > Self.pendingLimit { buffer.removeFirst(buffer.count - Self.pendingLimit) }
        }
    }

    func perform(_ effect: RunbookEffect) -> RunbookEvent {
        do {
            switch effect {
            case .loadLibrary:
                return .libraryLoaded(library.entries().map(\.name))
            case .prepare(let nameOrPath, let key, let restart):
                return .prepared(try prepare(nameOrPath, key: key, restart: restart))
            case .open(let preparation, let values):
                if var session = preparation.resumed {
                    if !values.isEmpty { session.run = try runner.addVariables(values, to: session) }
                    return .sessionOpened(session)
                }
                return .sessionOpened(
                    try runner.start(
                        runbook: preparation.runbook, incidentKey: preparation.incidentKey, variables: values,
                        by: attribution))
            case .record(let step, let outcome, let session):
                return .recorded(try runner.record(step, as: outcome, in: session, by: attribution))
            case .continuePast(let record):
                return .recorded(try runner.continuePast(record, by: attribution))
            case .stop(let step, let session, let note):
                let record = try runner.record(step, as: .stopped, in: session, note: note, by: attribution)
                return .runFinished(try runner.finish(session, as: .stopped, by: attribution), last: record)
            case .finish(let session):
                return .runFinished(try runner.finish(session, as: .completed, by: attribution), last: nil)
            }
        } catch let error as StoreError {
            return .failed(error.description)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Reads the runbook and finds what the run still needs, as the CLI does: an unfinished run
    /// is resumed (steps a dead sitrep left running become interrupted) and only the variables
    /// not yet known are asked for.
    func prepare(_ nameOrPath: String, key: String, restart: Bool) throws -> RunbookPreparation {
        let path: String
        do {
            path = try library.resolve(nameOrPath)
        } catch {
            throw StoreError.notFound(error.message)
        }
        let runbook = try RunbookParser.parse(fileAt: path)
        guard runbook.isRunnable else {
            return RunbookPreparation(incidentKey: key, runbook: runbook, resumed: nil, missing: [])
        }
        if restart { try runner.stopOpenRun(runbookPath: runbook.path, incidentKey: key, by: attribution) }
        let names = Set(runbook.steps.flatMap { $0.variables.map(\.name) })
        let inherited = environment.filter { names.contains($0.key) }
        if let resumed = try runner.resume(runbook: runbook, incidentKey: key, by: attribution) {
            let remaining = runbook.steps.filter { !resumed.isSettled($0) }
            return RunbookPreparation(
                incidentKey: key, runbook: runbook, resumed: resumed,
                missing: resumed.missingVariables(for: remaining, environment: environment), inherited: inherited)
        }
        return RunbookPreparation(
            incidentKey: key, runbook: runbook, resumed: nil,
            missing: RunbookSession.variablesToAsk(for: runbook.steps, known: [:], environment: environment),
            inherited: inherited)
    }
}
