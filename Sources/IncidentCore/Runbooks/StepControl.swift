import Foundation
import Synchronization

/// The handle a UI keeps for one running step: `cancel()` ends the step's whole process group
/// (SIGTERM, then SIGKILL after the grace period). Safe to call from any thread, any number of
/// times, before or after the step starts; one control per step.
public final class StepControl: Sendable {
    private struct State {
        var processGroup: pid_t?
        var reason: StopReason?
        var finished = false
    }

    private let state = Mutex(State())
    private let requests: AsyncStream<StopReason>
    private let continuation: AsyncStream<StopReason>.Continuation

    public init() {
        (requests, continuation) = AsyncStream.makeStream(of: StopReason.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Ends the running step as cancelled by the operator (Ctrl-C or `x`).
    public func cancel() {
        request(.cancelled)
    }

    /// Why the step was stopped, if it was.
    public var stopReason: StopReason? { state.withLock { $0.reason } }

    func request(_ reason: StopReason) {
        let first = state.withLock { state -> Bool in
            guard state.reason == nil, !state.finished else { return false }
            state.reason = reason
            return true
        }
        if first {
            continuation.yield(reason)
            continuation.finish()
        }
    }

    /// The first stop request, or nil when the waiting task is cancelled because the step ended.
    func nextRequest() async -> StopReason? {
        for await reason in requests { return reason }
        return nil
    }

    /// Called once the step's process exists; its pid is also its process group (a new session).
    func attach(processGroup: pid_t) {
        state.withLock { $0.processGroup = processGroup }
    }

    /// After this, signals are no longer sent: the group's leader has been reaped.
    func finish() {
        state.withLock {
            $0.finished = true
            $0.processGroup = nil
        }
        continuation.finish()
    }

    /// Sends `signal` to the step's process group while it still exists.
    func signalGroup(_ signal: Int32) {
        state.withLock { state in
            guard let group = state.processGroup else { return }
            _ = kill(-group, signal)
        }
    }
}
