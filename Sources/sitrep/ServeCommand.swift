import AlertServer
import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

/// `sitrep serve`: the alert receivers on the same store as the console and CLI.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Receive alerts over HTTP: Alertmanager, PagerDuty Events v2, a plain webhook.",
        discussion: """
            POST /alertmanager (webhook payload version 4), POST /v2/enqueue (PagerDuty Events API v2), \
            POST /webhook ({title, severity?, service?, dedup?, state: alerting|ok, message?, link?}), \
            GET /healthz. Each needs `Authorization: Bearer <serve.token>` or a route key from serve.routes. \
            Stops on SIGTERM or SIGINT after the requests in flight.
            """)

    @Option(help: "host:port to listen on (default serve.listen, else 127.0.0.1:9094).") var listen: String?
    @OptionGroup var options: StoreOptions

    func run() throws {
        try options.run(longLived: true) { store, _ in
            let settings = try SitrepConfig.load(path: options.paths.config)
            let address = listen ?? settings.serve.listen ?? "127.0.0.1:9094"
            guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
                (0...65535).contains(port)
            else {
                throw ValidationError("--listen \(address): expected host:port, such as 127.0.0.1:9094")
            }
            let host = String(address[..<colon])
            if settings.serve.token == nil, settings.serve.routes.isEmpty {
                FileHandle.standardError.write(
                    Data(
                        "sitrep: no serve.token or serve.routes in config.yaml: every alert will be refused (401)\n"
                            .utf8))
            }
            let server = AlertServer(
                intake: AlertIntake(store: store, settings: settings.serve, runbooks: RunbookLibrary(config: settings)))
            try AsyncBridge.wait {
                try await server.run(host: host, port: port) { bound in
                    FileHandle.standardOutput.write(Data("listening on \(bound), storing in \(store.location)\n".utf8))
                }
            }
        }
    }
}
