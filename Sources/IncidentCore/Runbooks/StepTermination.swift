/// How the step's process ended, as recorded: an exit status, a signal, or a failure to start.
public enum StepTermination: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
    case notStarted(String)

    public var exitStatus: Int32? {
        if case .exited(let status) = self { return status }
        return nil
    }

    public var signal: Int32? {
        if case .signaled(let signal) = self { return signal }
        return nil
    }

    /// `exit 0`, `signal 15 (SIGTERM)`, `not started: …`.
    public var summary: String {
        switch self {
        case .exited(let status): "exit \(status)"
        case .signaled(let signal): "signal \(signal)\(Self.signalName(signal).map { " (\($0))" } ?? "")"
        case .notStarted(let reason): "not started: \(reason)"
        }
    }

    static func signalName(_ signal: Int32) -> String? {
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE",
            14: "SIGALRM", 15: "SIGTERM",
        ]
        return names[signal]
    }
}
