import Foundation
import IncidentCore
import TerminalUI

/// The Insights screen's part of the reducer: `I` or `:stats …` opens it with a query built
/// from the console's clock (no I/O here), the store's answer fills it, keys scroll and close it.
enum InsightsReducer {
    static let usage =
        "usage: stats [--since 90d|2025-01-01] [--until …] [--service S] [--severity P1] "
        + "[--by week|month|service|severity] [--drills]"

    /// Opens the screen for `words` (the `:stats` arguments; none for `I`) or says what was wrong.
    static func open(_ state: inout ConsoleState, words: [String]) -> [ConsoleEffect] {
        switch query(words, now: state.now) {
        case .success(let query):
            state.mode = .insights(InsightsScreen(query: query))
            return [.loadInsights(query)]
        case .failure(let error):
            state.notice = Notice(error.message, level: .error, now: state.now)
            return []
        }
    }

    /// The query `:stats` arguments name, read as `sitrep stats` reads its options.
    static func query(_ words: [String], now: Date) -> Result<StatsQuery, CommandLineError> {
        var since = "90d"
        var until: String?
        var service: String?
        var severity: Severity?
        var grouping = StatsGrouping.week
        var drills = false
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--drills" {
                drills = true
                index += 1
                continue
            }
            guard index + 1 < words.count else { return .failure(CommandLineError(usage)) }
            let value = words[index + 1]
            switch word {
            case "--since": since = value
            case "--until": until = value
            case "--service": service = value
            case "--severity":
                guard let parsed = Severity(argument: value) else {
                    return .failure(CommandLineError("--severity \(value): not one of P0, P1, P2, P3"))
                }
                severity = parsed
            case "--by":
                guard let parsed = StatsGrouping(rawValue: value) else {
                    return .failure(CommandLineError("--by \(value): not one of week, month, service, severity"))
                }
                grouping = parsed
            default: return .failure(CommandLineError(usage))
            }
            index += 2
        }
        guard let from = StatsDate.parse(since, asOf: now, endOfDay: false) else {
            return .failure(CommandLineError("--since \(since): not \(StatsDate.expected)"))
        }
        var before = now
        if let until {
            guard let end = StatsDate.parse(until, asOf: now, endOfDay: true) else {
                return .failure(CommandLineError("--until \(until): not \(StatsDate.expected)"))
            }
            before = end
        }
        guard from < before else {
            return .failure(CommandLineError("--since \(since) is not before --until \(until ?? "now"): empty range"))
        }
        return .success(
            StatsQuery(
                window: StatsWindow(from: from, before: before), service: service, severity: severity,
                includeDrills: drills, grouping: grouping, asOf: now))
    }

    static func loaded(_ state: inout ConsoleState, _ stats: IncidentStats) -> [ConsoleEffect] {
        guard case .insights(var screen) = state.mode else { return [] }
        screen.stats = stats
        state.mode = .insights(screen)
        return []
    }

    static func failed(_ state: inout ConsoleState, _ problem: String) -> [ConsoleEffect] {
        guard case .insights(var screen) = state.mode else {
            state.notice = Notice(problem, level: .error, now: state.now)
            return []
        }
        screen.problem = problem
        state.mode = .insights(screen)
        return []
    }

    static func key(_ state: inout ConsoleState, _ key: KeyPress, _ screen: InsightsScreen) -> [ConsoleEffect] {
        var screen = screen
        let page = max(1, state.size.height / 2)
        switch key {
        case .escape, .enter, .character("q"), .character("I"):
            state.mode = .normal
            return []
        case .character(":"):
            var field = TextField(visibleWidth: ConsoleReducer.inputWidth(state, .command))
            field.setText("stats ")
            state.mode = .input(.command, field)
            return []
        case .down, .character("j"): screen.scrollOffset += 1
        case .up, .character("k"): screen.scrollOffset -= 1
        case .pageDown, .control("d"): screen.scrollOffset += page
        case .pageUp, .control("u"): screen.scrollOffset -= page
        default: break
        }
        screen.scrollOffset = min(max(0, screen.scrollOffset), InsightsView.maximumScroll(screen, size: state.size))
        state.mode = .insights(screen)
        return []
    }
}
