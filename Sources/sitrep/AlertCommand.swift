import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

/// `sitrep alert`: the plain webhook receiver on the command line, for scripts and cron. The same
/// `--dedup` lands on the same incident, as `POST /webhook` does.
struct AlertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert",
        abstract: "Report an alert: opens an incident, or adds to the one its --dedup key opened.",
        discussion: """
            Prints declared, updated, unchanged (a repeat: nothing written) or ignored (an ok with no open \
            incident), then the incident key. Routes, severities and runbooks come from config.yaml's serve: section.
            """)

    @Argument(help: "What is wrong, in a line (the incident's title).") var title: String
    @Option(help: "alerting (default) or ok.") var state = "alerting"
    @Option(help: "P0–P3, or a name config maps (critical, warning…).") var severity: String?
    @Option(help: "The affected service.") var service: String?
    @Option(help: "What identifies this alert across repeats (default: the title).") var dedup: String?
    @Option(help: "Free text kept with the entry.") var message: String?
    @Option(help: "Where to look (a dashboard, a log query).") var link: String?
    @Option(help: "The route key in config.yaml's serve.routes.") var route: String?
    @OptionGroup var options: StoreOptions

    func run() throws {
        let notification: AlertNotification
        do {
            notification = try WebhookAlert(
                title: title, severity: severity, service: service, dedup: dedup, state: state, message: message,
                link: link
            ).notification(route: route)
        } catch {
            throw ValidationError(error.reason)
        }
        let outcome = try options.run { store, _ in
            let settings = try SitrepConfig.load(path: options.paths.config)
            return try AlertIntake(store: store, settings: settings.serve, runbooks: RunbookLibrary(config: settings))
                .receive(notification)
        }
        print([outcome.word, outcome.incidentKey].compactMap { $0 }.joined(separator: " "))
    }
}
