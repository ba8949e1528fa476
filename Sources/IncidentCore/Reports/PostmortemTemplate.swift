import Foundation
import Mustache

/// A Mustache template for review drafts. The default is compiled in, so the binary works
/// anywhere; `Templates/postmortem.mustache` is the same text for people to copy and edit.
/// HTML escaping is off: the output is Markdown, and text is made Markdown-safe by the context.
public struct PostmortemTemplate: Sendable {
    /// Where the template came from, for error messages: a path or "built-in".
    public let source: String
    let template: MustacheTemplate
    /// The template cut in two at its one `{{{tables.timeline}}}`, when it has exactly one outside
    /// any section: the halves are rendered and the table is written between them into one
    /// buffer, instead of through Mustache's string building (several copies of a 7 MB table).
    let aroundTimeline: (head: MustacheTemplate, tail: MustacheTemplate)?

    static let timelineTag = "{{{tables.timeline}}}"

    /// Parses `text`; a syntax error names `source` and the line, as written by the user.
    public init(text: String, source: String) throws {
        self.source = source
        // A standalone pragma line is dropped whole by the parser, so the user's line 1 stays line 1
        // once the reported line number is shifted back by one.
        do {
            template = try MustacheTemplate(string: Self.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            throw ConfigError(
                file: source, line: max(1, error.context.lineNumber - 1),
                message: "template error: \(Self.describe(error.error)) near `\(error.context.line)`")
        } catch {
            throw ConfigError(file: source, line: nil, message: "template error: \(error)")
        }
        aroundTimeline = Self.split(text)
    }

    static let pragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// Halves that parse on their own cannot have a section (or a set-delimiter change) open
    /// across the cut, so rendering them apart gives the same bytes as rendering the whole.
    static func split(_ text: String) -> (head: MustacheTemplate, tail: MustacheTemplate)? {
        let parts = text.components(separatedBy: timelineTag)
        guard parts.count == 2, !text.contains("{{="),
            let head = try? MustacheTemplate(string: pragma + parts[0]),
            let tail = try? MustacheTemplate(string: pragma + parts[1])
        else { return nil }
        return (head, tail)
    }

    /// Reads a template file; a missing or unreadable file is an error naming it.
    public static func load(path: String) throws -> PostmortemTemplate {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(file: path, line: nil, message: "no such template file")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError(file: path, line: nil, message: "cannot be read as UTF-8 text")
        }
        return try PostmortemTemplate(text: text, source: path)
    }

    // The built-in text is a constant that the tests parse and compare with Templates/.
    public static let standard = try! PostmortemTemplate(text: standardText, source: "built-in")

    public func render(_ report: PostmortemReport) -> String {
        // Collecting into an array cannot fail; were it to, the plain render below gives the same text.
        var bytes: [UInt8] = []
        if aroundTimeline != nil, (try? renderBytes(report, chunk: .max, emit: { bytes.append(contentsOf: $0) })) != nil
        {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output = Array(template.render(PostmortemTemplateContext(report: report)).utf8)
        Self.endWithOneLineBreak(&output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The draft's UTF-8 bytes, exactly what `render` returns, handed to `emit` in pieces of
    /// about `chunk` bytes: a file is written while the table is built, never held whole.
    func renderBytes(
        _ report: PostmortemReport, chunk: Int = 1 << 18, emit: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        guard let (head, tail) = aroundTimeline else {
            var text = render(report)
            return try text.withUTF8(emit)
        }
        let context = PostmortemTemplateContext(report: report)
        var out: [UInt8] = []
        let estimate = report.timeline.reduce(4096) { $0 + $1.text.utf8.count + $1.author.utf8.count + 64 }
        out.reserveCapacity(min(chunk, estimate) + 4096)
        /// Sends what is buffered except trailing line-end bytes, which the final fix-up may drop.
        func flush(_ out: inout [UInt8]) throws {
            var keep = out.count
            while keep > 0, out[keep - 1] == 10 || out[keep - 1] == 13 { keep -= 1 }
            try out.withUnsafeBufferPointer { try emit(UnsafeBufferPointer(rebasing: $0[..<keep])) }
            out.removeSubrange(..<keep)
        }
        out.append(contentsOf: head.render(context).utf8)
        try PostmortemTables.appendTimeline(report, to: &out) { out in
            if out.count >= chunk { try flush(&out) }
        }
        // As `{{{tables.timeline}}}` gives it: without the table's final line break (which
        // `flush` never sends, so it is still here).
        if !report.timeline.isEmpty, out.last == 10 { out.removeLast() }
        out.append(contentsOf: tail.render(context).utf8)
        Self.endWithOneLineBreak(&out)
        try flush(&out)
        try out.withUnsafeBufferPointer(emit)
    }

    /// Ends a draft in exactly one line break, as a file is expected to end: trailing blank lines
    /// and line ends of any kind (`\n`, `\r\n`, a lone `\r`) go, and the one put back is `\r\n`
    /// when the template ended its text with one, so a CRLF template gives a CRLF draft.
    static func endWithOneLineBreak(_ out: inout [UInt8]) {
        let crlf = out.count >= 2 && out[out.count - 2] == 13 && out[out.count - 1] == 10
        while let last = out.last, last == 10 || last == 13 { out.removeLast() }
        out += crlf ? [13, 10] : [10]
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "bad {{% …}} pragma"
        case .unrecognisedConfigVariable: return "unknown {{% …}} pragma"
        }
    }

    /// The default template, identical to `Templates/postmortem.mustache`.
    public static let standardText = #"""
        {{! sitrep's default review draft. Copy this file to start your own; see the README. }}
        # Postmortem {{key}}: {{inline(title)}}

        {{{tables.header}}}

        ## Summary

        {{#summary}}
        {{.}}
        {{/summary}}
        {{^summary}}
        > **Prompt:** nothing recorded yet. In two or three sentences: what broke, who was affected, how it ended.
        {{/summary}}

        ## Impact

        {{#impact}}
        {{.}}
        {{/impact}}
        {{^impact}}
        > **Prompt:** nothing recorded yet. Users, requests, revenue or data affected, and for how long.
        {{/impact}}

        ## Key timestamps

        {{{tables.keyTimestamps}}}
        {{#hasDiagram}}

        {{{tables.diagram}}}
        {{/hasDiagram}}

        ## Timeline

        All times UTC, in the order things happened (entries logged late appear where they happened).

        {{{tables.timeline}}}

        ## Root cause and contributing factors

        {{#rootCause}}
        {{.}}
        {{/rootCause}}
        {{^rootCause}}
        > **Prompt:** no root cause was recorded. Describe the fault, then the conditions that let it reach users.
        {{/rootCause}}

        ## Five whys

        1. Why did the incident happen?
        2. Why was that possible?
        3. Why was that not caught earlier?
        4. Why did it take the time it took to mitigate?
        5. Why would it not happen again after the action items below?

        ## Resolution

        {{#resolution}}
        {{.}}
        {{/resolution}}
        {{^resolution}}
        > **Prompt:** no resolution was recorded. What stopped the impact, and what made the fix permanent?
        {{/resolution}}

        ## What went well

        > **Prompt:** detection, tooling, runbooks and teamwork worth keeping.

        ## What didn't go well

        > **Prompt:** delays, missing alerts, confusing dashboards, unclear ownership.

        ## Where we got lucky

        > **Prompt:** things that limited the damage by chance rather than by design.

        ## Action items

        {{#hasActionItems}}
        {{{tables.actionItems}}}
        {{/hasActionItems}}
        {{^hasActionItems}}
        > **Prompt:** no action items were recorded. Add them with `sitrep action add {{key}} "…"`.
        {{/hasActionItems}}

        ## Responders

        {{{tables.responders}}}

        ## Lessons learned

        > **Prompt:** what would you tell the next on-call engineer facing the same symptoms?

        """#
}
