import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one call behind `sitrep postmortem` and the console's draft key: read the incident,
/// build the report, render it, and (optionally) write it to a file without ever leaving a
/// half-written draft behind.
public enum PostmortemDraft {
    public static func render(
        _ detail: IncidentDetail, format: ReportFormat = .markdown, template: PostmortemTemplate = .standard,
        redactor: Redactor = .standard, diagram: Bool = true
    ) throws -> String {
        var report = PostmortemBuilder.build(detail, redactor: redactor)
        if !diagram { report.diagram = nil }
        return try render(report, format: format, template: template)
    }

    public static func render(
        key: String, from store: some IncidentStore, format: ReportFormat = .markdown,
        template: PostmortemTemplate = .standard, redactor: Redactor = .standard, diagram: Bool = true
    ) throws -> String {
        try render(
            report(key: key, from: store, redactor: redactor, diagram: diagram), format: format, template: template)
    }

    /// The report, streamed by stores that can (`PostmortemSource`), else built from `detail(key:)`;
    /// without its Mermaid diagram when `diagram` is false.
    public static func report(
        key: String, from store: some IncidentStore, redactor: Redactor = .standard, diagram: Bool = true
    ) throws -> PostmortemReport {
        var report =
            if let source = store as? any PostmortemSource {
                try source.postmortemReport(key: key, redactor: redactor)
            } else {
                PostmortemBuilder.build(try store.detail(key: key), redactor: redactor)
            }
        if !diagram { report.diagram = nil }
        return report
    }

    public static func render(_ report: PostmortemReport, format: ReportFormat, template: PostmortemTemplate) throws
        -> String
    {
        switch format {
        case .markdown: return template.render(report)
        case .json: return try ExportJSON.encode(report) + "\n"
        }
    }

    /// Writes the draft to `path` (default: `KEY-postmortem.md` in the current folder) through a
    /// temporary file and a rename, and returns the absolute path written.
    @discardableResult
    public static func write(
        key: String, from store: some IncidentStore, to path: String? = nil, format: ReportFormat = .markdown,
        template: PostmortemTemplate = .standard, redactor: Redactor = .standard, diagram: Bool = true
    ) throws -> String {
        let report = try report(key: key, from: store, redactor: redactor, diagram: diagram)
        let target = absolute(path ?? defaultFileName(key: report.key, format: format))
        switch format {
        case .markdown:
            try writeAtomically(to: target) { write in try template.renderBytes(report, emit: write) }
        case .json:
            var text = try render(report, format: format, template: template)
            try writeAtomically(to: target) { write in try text.withUTF8(write) }
        }
        return target
    }

    public static func defaultFileName(key: String, format: ReportFormat = .markdown) -> String {
        "\(key)-postmortem.\(format.fileExtension)"
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    /// Through a temporary file in the same folder and a rename, writing the bytes `produce` hands
    /// over as they are: a draft is either the old file or the whole new one, never half of each.
    static func writeAtomically(
        to path: String, _ produce: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void
    ) throws {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.io("cannot write \(path): the folder \(folder) does not exist")
        }
        let temporary = folder + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        do {
            try produce { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        throw StoreError.io("cannot write \(path): \(String(cString: strerror(errno)))")
                    }
                    offset += written
                }
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        if failure == 0, rename(temporary, path) == 0 { return }
        let reason = String(cString: strerror(failure != 0 ? failure : errno))
        unlink(temporary)
        throw StoreError.io("cannot write \(path): \(reason)")
    }
}
