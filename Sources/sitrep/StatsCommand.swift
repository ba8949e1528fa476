import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Look back across incidents: counts, TTD/TTA/TTM/TTR, reopens, follow-up.",
        discussion: """
            Incidents are picked by detection time, from --since (default 90d) up to --until (default
            now; a day includes all of it). Metrics come only from recorded milestones: an incident
            without one is left out of that metric, and each metric says how many it covers. Drills
            are left out unless --drills. Median and p90 are nearest-rank, so each is one incident's
            real value.
            """)

    @Option(help: ArgumentHelp("Start: a day, a time or an age (90d, 12w, 36h).", valueName: "when"))
    var since = "90d"
    @Option(help: ArgumentHelp("End (default: now); a day includes all of it.", valueName: "when"))
    var until: String?
    @Option(help: ArgumentHelp("Only incidents on this service.", valueName: "name")) var service: String?
    @Option(help: "Only incidents of this severity.") var severity: Severity?
    @Option(help: "Group by week, month, service or severity.") var by: StatsGrouping = .week
    @Flag(help: "Count drills too.") var drills = false
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print the groups as CSV.") var csv = false
    @Flag(help: "Draw bar and percentile charts after the figures.") var chart = false
    @Option(help: ArgumentHelp("Write a self-contained HTML page with the charts; prints its path.", valueName: "file"))
    var html: String?
    @Option(help: ArgumentHelp("Chart width in columns (default: the terminal's).", valueName: "columns"))
    var width: Int?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Judge ages and overdue items as of this time (default: now).", valueName: "time"))
    var asOf: EventTime?
    @OptionGroup var options: StoreOptions

    func validate() throws {
        if [json, csv, html != nil].filter({ $0 }).count > 1 {
            throw ValidationError("--json, --csv and --html: pick one.")
        }
        if let width, width < 20 { throw ValidationError("--width must be at least 20.") }
        _ = try query()
    }

    /// The query the options name; a bad or empty range is a usage error naming the option.
    func query() throws -> StatsQuery {
        let now = asOf?.date ?? Date()
        guard let from = StatsDate.parse(since, asOf: now, endOfDay: false) else {
            throw ValidationError("--since \(since): not \(StatsDate.expected).")
        }
        var before = now
        if let until {
            guard let end = StatsDate.parse(until, asOf: now, endOfDay: true) else {
                throw ValidationError("--until \(until): not \(StatsDate.expected).")
            }
            before = end
        }
        guard from < before else {
            throw ValidationError(
                "--since \(since) is not before --until \(until ?? "now"): the range "
                    + "\(Timestamp.iso(from)) – \(Timestamp.iso(before)) is empty.")
        }
        if let service, service.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--service must name a service.")
        }
        return StatsQuery(
            window: StatsWindow(from: from, before: before), service: service, severity: severity,
            includeDrills: drills, grouping: by, asOf: now)
    }

    func run() throws {
        let query = try query()
        let output = try options.run(readOnly: true) { store, _ in
            let stats = try StatsReport.load(query, from: store)
            if json { return try ExportJSON.encode(stats) + "\n" }
            if csv { return StatsCSV.render(stats) }
            if let html {
                return try StatsHTML.write(stats, to: html) + "\n"
            }
            var text = StatsText.render(stats)
            if chart, !stats.isEmpty { text += "\n" + StatsChart.render(stats, width: TerminalWidth.resolve(width)) }
            return text
        }
        print(output, terminator: "")
    }
}

extension StatsGrouping: ExpressibleByArgument {}
