import Foundation

/// The one call behind `sitrep postmortem` and the console's draft key: read the incident,
/// build the report, render it, and (optionally) write it to a file without ever leaving a
/// half-written draft behind.
public enum PostmortemDraft {
    public static func render(
        _ detail: IncidentDetail, format: ReportFormat = .markdown, template: PostmortemTemplate = .standard,
        redactor: Redactor = .standard
    ) throws -> String {
        let report = PostmortemBuilder.build(detail, redactor: redactor)
        switch format {
        case .markdown: return template.render(report)
        case .json: return try ExportJSON.encode(report) + "\n"
        }
    }

    public static func render(
        key: String, from store: some IncidentStore, format: ReportFormat = .markdown,
        template: PostmortemTemplate = .standard, redactor: Redactor = .standard
    ) throws -> String {
        try render(store.detail(key: key), format: format, template: template, redactor: redactor)
    }

    /// Writes the draft to `path` (default: `KEY-postmortem.md` in the current folder) through a
    /// temporary file and a rename, and returns the absolute path written.
    @discardableResult
    public static func write(
        key: String, from store: some IncidentStore, to path: String? = nil, format: ReportFormat = .markdown,
        template: PostmortemTemplate = .standard, redactor: Redactor = .standard
    ) throws -> String {
        let detail = try store.detail(key: key)
        let text = try render(detail, format: format, template: template, redactor: redactor)
        let target = absolute(path ?? defaultFileName(key: detail.incident.key, format: format))
        try writeAtomically(text, to: target)
        return target
    }

    public static func defaultFileName(key: String, format: ReportFormat = .markdown) -> String {
        "\(key)-postmortem.\(format.fileExtension)"
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    static func writeAtomically(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.io("cannot write \(path): the folder \(folder) does not exist")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw StoreError.io("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
