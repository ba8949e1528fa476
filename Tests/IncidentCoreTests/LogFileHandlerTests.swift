import Foundation
import Logging
import Testing

@testable import IncidentCore

/// One line per message, split the same way whatever the values hold.
@Suite struct LogFileHandlerTests {
    @Test func aLineHasTimeLevelProcessMessageAndSortedFields() {
        let event = LogEvent(
            level: .notice, message: "health check changed", error: nil,
            metadata: ["to": "down", "check": "payments api", "evidence": "[STATUS] (503) == 200\nretry \"later\""],
            source: "sitrep", file: #fileID, function: #function, line: #line)
        let line = LogFileHandler.line(event, metadata: ["run": "7"], at: Date(timeIntervalSince1970: 1_764_000_000))
        #expect(
            line
                == "2025-11-24T16:00:00.000Z notice [\(getpid())] health check changed check=\"payments api\" "
                + "evidence=\"[STATUS] (503) == 200\\nretry \\\"later\\\"\" run=7 to=down\n")
    }
}
