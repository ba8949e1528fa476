import Dispatch
import Foundation

/// How a long-running command (a watcher, a server) waits for Ctrl-C or SIGTERM: from creation on,
/// the signals no longer end the process but are delivered here, so the command stops in order.
/// Create it before announcing that the command runs, so a signal sent on that line is not lost.
public final class InterruptWait {
    private let done = DispatchSemaphore(value: 0)
    private var sources: [any DispatchSourceSignal] = []

    public init() {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        sources = [SIGINT, SIGTERM].map { [done] number in
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { done.signal() }
            source.resume()
            return source
        }
    }

    /// Blocks until SIGINT or SIGTERM arrives.
    public func wait() {
        done.wait()
        for source in sources { source.cancel() }
    }
}
