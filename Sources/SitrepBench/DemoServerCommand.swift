import ArgumentParser
import BenchSupport
import CommandLineSupport
import Foundation
import IncidentCore

/// `sitrep-bench demo-server`: the local services `make demo` and the health demo poll.
struct DemoServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-server",
        abstract: "Serve demo health endpoints on 127.0.0.1 for scripts/demo-checks.yaml (Ctrl-C stops).",
        discussion: """
            /checkout/health is always up, /search/health answers slowly, /payments/health flaps:
            up for --flap-period, then 503 for as long, and so on.
            """)

    @Option(name: .long, help: "Port to listen on.") var port = 18080
    @Option(
        name: .long, help: ArgumentHelp("How long /payments/health stays up, then down.", valueName: "duration"))
    var flapPeriod = "20s"

    func validate() throws {
        guard let seconds = GoDuration.seconds(flapPeriod), seconds > 0 else {
            throw ValidationError("--flap-period must be a duration such as 20s")
        }
    }

    func run() throws {
        let period = GoDuration.seconds(flapPeriod) ?? 20
        let server = try AsyncBridge.wait {
            try await LoopbackHTTPServer(port: port, responder: DemoResponder(flapPeriod: period).respond)
        }
        let interrupt = InterruptWait()
        // Written unbuffered: scripts read the port from this line while the server runs.
        let banner =
            "demo health endpoints on http://127.0.0.1:\(server.port) (payments flaps every \(flapPeriod))\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        interrupt.wait()
        try AsyncBridge.wait { await server.stop() }
    }
}
