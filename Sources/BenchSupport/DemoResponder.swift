import Foundation

/// The demo's endpoints: checkout always up, search slow, payments flapping between up and 503,
/// so a newcomer sees a check turn red and back within a minute.
public struct DemoResponder: Sendable {
    public let flapPeriod: Double
    private let started = ContinuousClock.now

    public init(flapPeriod: Double) {
        self.flapPeriod = flapPeriod
    }

    public func respond(method: String, path: String) -> LoopbackResponse {
        switch path.split(separator: "?").first.map(String.init) ?? path {
        case "/checkout/health":
            return LoopbackResponse(text: #"{"status":"UP","version":"4512"}"#)
        case "/search/health":
            return LoopbackResponse(text: #"{"status":"UP","replicas":[{"id":1},{"id":2}]}"#, delay: 0.25)
        case "/payments/health":
            let elapsed = (ContinuousClock.now - started) / .seconds(1)
            let up = Int(elapsed / flapPeriod) % 2 == 0
            return up
                ? LoopbackResponse(text: #"{"status":"UP","queue":3}"#)
                : LoopbackResponse(status: 503, text: #"{"status":"DOWN","error":"card processor unreachable"}"#)
        default:
            return LoopbackResponse(status: 404, text: #"{"error":"not found"}"#)
        }
    }
}
