import Foundation
import IncidentCore

/// Waiting for a step's process group to end. Orphans here are adopted by a pid 1 that may
/// never reap them, so "gone" means no member still runs, zombies aside.
enum ProcessGroupWait {
    static func isGone(_ group: pid_t) -> Bool {
        StepProcess.liveMembers(ofGroup: group).isEmpty
    }

    /// Polls until no process of `group` runs; the deadline only bounds a hang.
    static func untilGone(_ group: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while !isGone(group), Date() < deadline { usleep(50_000) }
        return isGone(group)
    }
}
