import Foundation
import TerminalUI
import Testing

/// Compares a rendered screen with a text file under Golden/. `SITREP_RECORD_GOLDEN=1` (or
/// `SITREP_RECORD_FIXTURES=1`, as the README says) rewrites the files instead; review every
/// recorded file before committing it.
enum GoldenScreen {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func text(of buffer: ScreenBuffer) -> String {
        buffer.lines.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }.joined(separator: "\n") + "\n"
    }

    static func check(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let file = folder.appendingPathComponent(name + ".txt")
        let actual = text(of: buffer)
        let environment = ProcessInfo.processInfo.environment
        if environment["SITREP_RECORD_GOLDEN"] == "1" || environment["SITREP_RECORD_FIXTURES"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "screen \(name) differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }
}
