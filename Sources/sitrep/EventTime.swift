import ArgumentParser
import Foundation
import IncidentCore

/// An `--at` value: ISO-8601 with any offset, for logging late or replaying a chat log.
struct EventTime: ExpressibleByArgument {
    var date: Date

    init?(argument: String) {
        guard let date = Timestamp.parse(argument) else { return nil }
        self.date = date
    }

    static var defaultValueDescription: String { "now" }
}

/// The `--at` option shared by every command that writes to a timeline.
struct EventTimeOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "When it happened, ISO-8601 with offset, e.g. 2025-11-04T10:02:00Z (default: now).", valueName: "time"))
    var at: EventTime?

    func attribution(_ author: String) -> Attribution {
        Attribution(author: author, eventTime: at?.date)
    }
}
