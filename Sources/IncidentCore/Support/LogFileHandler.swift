import Foundation
import Logging

/// swift-log's handler for `LogFile`: one line per message, UTC time first, metadata as
/// `key=value`, so `grep` and `tail -f` are all a responder needs.
struct LogFileHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard LogFile.isOpen else { return }
        LogFile.append(Self.line(event, metadata: metadata, at: Date()))
    }

    /// `2026-12-03T09:30:00.123Z info [12345] step finished runbook=… exit=0`
    static func line(_ event: LogEvent, metadata: Logger.Metadata, at time: Date) -> String {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        let pairs = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted("\($0.value)"))" }
        let text = "\(event.message)".replacingOccurrences(of: "\n", with: " ")
        return ([Timestamp.canonical(time), event.level.rawValue, "[\(getpid())]", text] + pairs)
            .joined(separator: " ") + "\n"
    }

    /// A value with spaces, quotes or line breaks is quoted, so every line splits the same way.
    static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == " " || $0 == "\"" || $0.isNewline }) || value.isEmpty else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"" + escaped + "\""
    }
}
