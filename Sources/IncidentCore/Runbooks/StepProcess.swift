import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A step's process group as recorded when it started: the group id (its leader's pid, the
/// step being a new session) and the leader's start time in clock ticks since boot. A sitrep
/// killed mid-step leaves the group running with nobody enforcing its timeout; resuming ends it,
/// and the start time is what tells our leader apart from a process that later got the same pid.
public struct StepProcess: Sendable, Equatable {
    public var processGroup: pid_t
    /// Field 22 (`starttime`) of `/proc/PID/stat`.
    public var startTime: Int64

    public init(processGroup: pid_t, startTime: Int64) {
        self.processGroup = processGroup
        self.startTime = startTime
    }

    /// The group led by `pid` as it is now; nil when the process is already gone.
    public static func current(leader pid: pid_t) -> StepProcess? {
        guard let stat = ProcessStat(pid: pid) else { return nil }
        return StepProcess(processGroup: pid, startTime: stat.startTime)
    }

    /// The environment variable a step runs with, set to its record's id, so the processes it
    /// started can be told apart from strangers once its leader has exited.
    public static let marker = "SITREP_STEP_RUN"

    /// This program's executable, to recognise a leader whose sitrep is still alive.
    public static let ownExecutable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")

    /// Ends the group if its leader is still the recorded process (a zombie not yet reaped
    /// counts: it holds the pid) and any of the group still runs: SIGTERM, then SIGKILL for
    /// whatever is left after `grace`. Returns whether anything was ended. A group whose leader
    /// has another start time is not ours, and one whose leader's parent `isLiveSitrep` belongs
    /// to a sitrep still running it (another console on the same store): both are left alone.
    ///
    /// When the leader has exited and been reaped, its pid cannot be handed out again while any
    /// process of the group lives, but the group may still be a later one that reused the pid
    /// after ours ended; so only the members that carry `marker` set to `stepRunId` are ended.
    public func endIfStillOurs(
        grace: Duration, stepRunId: Int64? = nil, isLiveSitrep: (pid_t) -> Bool = Self.isAnotherSitrep
    ) -> Bool {
        guard let leader = ProcessStat(pid: processGroup) else {
            guard let stepRunId else { return false }
            return Self.end(Self.liveMembers(ofGroup: processGroup, marked: stepRunId), of: processGroup, grace: grace)
        }
        guard leader.startTime == startTime, !Self.liveMembers(ofGroup: processGroup).isEmpty,
            !isLiveSitrep(leader.parent)
        else { return false }
        // The leader's pid stays taken while it is a zombie or any member lives, so the group
        // that still answers is the step's own.
        let group = processGroup
        Self.terminate(
            grace: grace, running: { !Self.liveMembers(ofGroup: group).isEmpty }, send: { _ = kill(-group, $0) })
        return true
    }

    /// SIGTERM through `send`, a wait of up to `grace` for `running` to turn false, then SIGKILL
    /// if it has not.
    static func terminate(grace: Duration, running: () -> Bool, send: (Int32) -> Void) {
        send(SIGTERM)
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while running(), clock.now < deadline { usleep(20_000) }
        if running() { send(SIGKILL) }
    }

    /// The live sitrep still running this group: the recorded leader runs and its parent is
    /// another sitrep. Nil when nobody else drives the step.
    public func drivingSitrep(isLiveSitrep: (pid_t) -> Bool = Self.isAnotherSitrep) -> pid_t? {
        guard let leader = ProcessStat(pid: processGroup), leader.startTime == startTime, leader.state != "Z",
            isLiveSitrep(leader.parent)
        else { return nil }
        return leader.parent
    }

    /// Whether `pid` is a live sitrep other than this one. This one never is: it runs one step
    /// at a time and knows it, so a leader it parents is an orphan it adopted as a subreaper.
    public static func isAnotherSitrep(_ pid: pid_t) -> Bool {
        guard pid > 1, pid != getpid(), let executable = ownExecutable, let stat = ProcessStat(pid: pid),
            stat.state != "Z"
        else { return false }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) == executable
    }

    /// SIGTERM to each of `members`, then SIGKILL to those still running after `grace`; a pid is
    /// signalled only while it is still in `group`, so one that exited and was reused is spared.
    static func end(_ members: [pid_t], of group: pid_t, grace: Duration) -> Bool {
        guard !members.isEmpty else { return false }
        func running() -> [pid_t] {
            members.filter { pid in ProcessStat(pid: pid).map { $0.processGroup == group && $0.state != "Z" } ?? false }
        }
        terminate(
            grace: grace, running: { !running().isEmpty },
            send: { signal in for pid in running() { _ = kill(pid, signal) } })
        return true
    }

    /// The live members of `group` whose environment has `marker` set to `stepRunId`.
    static func liveMembers(ofGroup group: pid_t, marked stepRunId: Int64) -> [pid_t] {
        let entry = Array("\(marker)=\(stepRunId)".utf8)
        return liveMembers(ofGroup: group).filter { pid in
            guard let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return environment.split(separator: 0).contains { Array($0) == entry }
        }
    }

    /// The processes of `group` that have not exited (zombies are not counted: they hold
    /// nothing but a pid, and whoever adopted them reaps them, or not).
    public static func liveMembers(ofGroup group: pid_t) -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { name in
            guard let pid = pid_t(name), let stat = ProcessStat(pid: pid), stat.processGroup == group,
                stat.state != "Z"
            else { return nil }
            return pid
        }
    }
}
