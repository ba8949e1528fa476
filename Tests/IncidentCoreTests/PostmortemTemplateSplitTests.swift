import Foundation
import Mustache
import Testing

@testable import IncidentCore

/// The default and most custom templates are rendered in two halves around the timeline table
/// and streamed to files in pieces; every way of doing so must give the bytes a whole render gives.
@Suite struct PostmortemTemplateSplitTests {
    /// The whole-template render ended in one line break of the kind the template ended with:
    /// the reference.
    static func wholeRender(_ template: PostmortemTemplate, _ report: PostmortemReport) -> String {
        var output = template.template.render(PostmortemTemplateContext(report: report))
        let lineBreak = output.hasSuffix("\r\n") ? "\r\n" : "\n"
        while let last = output.unicodeScalars.last, last == "\n" || last == "\r" { output.unicodeScalars.removeLast() }
        return output + lineBreak
    }

    static func streamed(_ template: PostmortemTemplate, _ report: PostmortemReport, chunk: Int) throws -> String {
        var bytes: [UInt8] = []
        try template.renderBytes(report, chunk: chunk) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func splitAndStreamedRendersEqualTheWholeRender() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let key = try ReplayedIncident.record(in: fixture)
        let report = try PostmortemDraft.report(key: key, from: fixture.store)
        let sreBook = try PostmortemTemplate.load(
            path: PostmortemTests.repository.appendingPathComponent("Templates/postmortem-sre-book.mustache").path)
        let templates: [(String, PostmortemTemplate)] = [
            ("built-in", .standard), ("sre-book", sreBook),
            ("crlf", try PostmortemTemplate(text: "# {{key}}\r\n\r\n{{{tables.timeline}}}\r\n\r\n", source: "t")),
            ("trailing breaks", try PostmortemTemplate(text: "{{{tables.timeline}}}\n\n\n\n", source: "t")),
            ("mixed breaks", try PostmortemTemplate(text: "# {{key}}\r\r\n\n\r", source: "t")),
            ("table last", try PostmortemTemplate(text: "# {{key}}\n{{{tables.timeline}}}", source: "t")),
            (
                "inside a section",
                try PostmortemTemplate(
                    text: "{{#hasActionItems}}\n{{{tables.timeline}}}\n{{/hasActionItems}}\n", source: "t")
            ),
            ("twice", try PostmortemTemplate(text: "{{{tables.timeline}}}\n{{{tables.timeline}}}\n", source: "t")),
        ]
        for (name, template) in templates {
            let whole = Self.wholeRender(template, report)
            #expect(template.render(report) == whole, "\(name)")
            for chunk in [1, 7, 4096, 1 << 18] {
                #expect(try Self.streamed(template, report, chunk: chunk) == whole, "\(name), chunks of \(chunk)")
            }
        }
        #expect(PostmortemTemplate.standard.aroundTimeline != nil, "the default template takes the fast path")
        let crlf = templates[2].1.render(report)
        #expect(crlf.hasSuffix("\r\n") && !crlf.hasSuffix("\r\n\r\n"), "a CRLF draft ends in one CRLF")
        #expect(templates[4].1.render(report) == "# \(key)\n", "a lone carriage return is a line end too")
        #expect(templates[6].1.aroundTimeline == nil && templates[7].1.aroundTimeline == nil)
    }

    @Test func fileWrittenInPiecesIsTheRenderedDraft() throws {
        let fixture = try StoreFixture(clock: TestClock("2025-11-04T13:00:00Z"))
        let key = try ReplayedIncident.record(in: fixture)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PostmortemDraft.write(key: key, from: fixture.store, to: path)
        #expect(
            try String(contentsOfFile: path, encoding: .utf8) == PostmortemDraft.render(key: key, from: fixture.store))
    }
}
