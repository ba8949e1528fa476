import Foundation

/// The fields of `/proc/PID/stat` sitrep needs.
struct ProcessStat {
    /// Field 3: `R`, `S`, `Z` and so on.
    var state: Character
    /// Field 4: the parent's pid.
    var parent: pid_t
    /// Field 5: the process group id.
    var processGroup: pid_t
    /// Field 22: clock ticks after boot when the process started.
    var startTime: Int64

    init?(pid: pid_t) {
        guard pid > 0, let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            return nil
        }
        self.init(statLine: text)
    }

    /// Field 2 is the command name in parentheses and may itself hold spaces and `)`, so the
    /// fields are counted from the last `)`.
    init?(statLine: String) {
        guard let close = statLine.lastIndex(of: ")") else { return nil }
        let fields = statLine[statLine.index(after: close)...].split(separator: " ")
        // fields[0] is field 3, so fields 4 and 5 are fields[1] and [2] and field 22 is fields[19].
        guard fields.count > 19, let state = fields[0].first, let parent = pid_t(fields[1]),
            let group = pid_t(fields[2]),
            let startTime = Int64(fields[19])
        else { return nil }
        self.state = state
        self.parent = parent
        processGroup = group
        self.startTime = startTime
    }
}
