/// How a report is printed: Markdown for people, JSON (stable names, ISO-8601 UTC) for scripts.
public enum ReportFormat: String, CaseIterable, Codable, Sendable {
    case markdown
    case json

    public var fileExtension: String { self == .markdown ? "md" : "json" }
}
