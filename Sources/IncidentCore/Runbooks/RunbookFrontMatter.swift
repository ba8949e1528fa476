import Yams

/// YAML front matter (`---` lines around `title: …`) at the top of a runbook, as static-site and
/// docs tools write it. libcmark knows nothing of it and would read it as a rule and a heading,
/// so it is blanked out (line for line, keeping line numbers) before the Markdown is parsed.
struct RunbookFrontMatter {
    /// The `title` value, when the front matter has one.
    var title: String?
    /// Lines 1 through `lastLine` (the closing `---` or `...`) are the front matter.
    var lastLine: Int
    /// Why the YAML could not be read, at the file's own line.
    var error: ConfigError?

    /// The front matter of `source`, nil when the file does not open with `---` or never closes it.
    static func read(_ source: MarkdownSource, path: String) -> RunbookFrontMatter? {
        guard isDelimiter(source.line(1), closing: false) else { return nil }
        guard
            let last = (2...max(2, source.lineStarts.count)).first(where: {
                isDelimiter(source.line($0), closing: true)
            })
        else { return nil }
        // A leading newline stands for the opening `---`, so YAML's line marks are the file's lines.
        var yaml = "\n"
        for line in 2..<last {
            yaml += String(decoding: source.line(line), as: UTF8.self) + "\n"
        }
        do {
            let node = try YAMLDocument.compose(yaml, file: path)
            let title = node?.mapping?["title"]?.string.map(MarkdownNode.trimmed)
            return RunbookFrontMatter(title: title?.isEmpty == false ? title : nil, lastLine: last)
        } catch let error as ConfigError {
            // Yams ends its message with the offending line and a caret; `file:line` output wants one line.
            let message = error.message.split(separator: "\n").prefix(2).joined(separator: " ")
            let located = ConfigError(file: path, line: error.line ?? 1, message: "front matter " + message)
            return RunbookFrontMatter(title: nil, lastLine: last, error: located)
        } catch {
            let located = ConfigError(file: path, line: 1, message: "front matter is not valid YAML: \(error)")
            return RunbookFrontMatter(title: nil, lastLine: last, error: located)
        }
    }

    /// `---` opens; `---` or `...` closes (trailing spaces allowed, as Jekyll and Hugo allow).
    static func isDelimiter(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var text = line
        while let last = text.last, last == 32 || last == 9 { text = text.dropLast() }
        return text.elementsEqual("---".utf8) || (closing && text.elementsEqual("...".utf8))
    }

    /// `bytes` with every front matter byte but the line endings turned into nothing, for libcmark.
    func blanked(_ source: MarkdownSource) -> [UInt8] {
        let end = source.lineStarts[lastLine - 1] + source.line(lastLine).count
        var bytes = Array(source.bytes[..<end].filter { $0 == 10 })
        bytes += source.bytes[end...]
        return bytes
    }
}
