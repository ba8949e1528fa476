import Foundation

/// Figures a test reads from a running process's `/proc/PID/status`.
enum ProcessStatus {
    /// A field given in kB (`VmRSS` now resident, `VmHWM` the peak), or 0 once the process is gone.
    static func kilobytes(_ field: String, of pid: some CustomStringConvertible) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("\(field):") }
        return line.flatMap { Int($0.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") } ?? 0
    }
}
