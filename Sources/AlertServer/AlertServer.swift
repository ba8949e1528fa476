import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import IncidentCore
import NIOCore
import NIOSSL

/// `sitrep serve`: Alertmanager's webhook, PagerDuty's Events API v2 and a plain webhook over
/// Hummingbird, all landing in the store through `AlertIntake`. A request is authorised by the
/// configured bearer token or by a route key the config names; bodies over 1 MiB are refused
/// before they are read; when too many writes wait, senders are told to retry (503).
public struct AlertServer: Sendable {
    public static let maximumBody = 1 << 20
    let intake: AlertIntake
    let gate: InFlightGate
    /// Store calls block, so they wait on this queue rather than on the server's threads.
    let queue = DispatchQueue(label: "sitrep.serve.store")

    public init(intake: AlertIntake, maximumWaiting: Int = 256) {
        self.intake = intake
        gate = InFlightGate(limit: maximumWaiting)
    }

    /// Serves until SIGTERM or SIGINT, then lets requests in flight finish. `ready` hears the
    /// address actually bound (a port of 0 picks a free one).
    public func run(host: String, port: Int, ready: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.post("/alertmanager") { request, _ in try await receive(request, from: .alertmanager) }
        router.post("/v2/enqueue") { request, _ in try await receive(request, from: .pagerduty) }
        router.post("/webhook") { request, _ in try await receive(request, from: .webhook) }
        let app = Application(
            router: router, server: try serverBuilder(),
            configuration: .init(address: .hostname(host, port: port), serverName: "sitrep"),
            onServerRunning: { channel in
                let address = channel.localAddress
                ready("\(address?.ipAddress ?? host):\(address?.port ?? port)")
            })
        try await app.runService()
    }

    /// Plain HTTP, or HTTPS from the configured certificate and key.
    func serverBuilder() throws -> HTTPServerBuilder {
        guard let certificate = intake.settings.tlsCertificate, let key = intake.settings.tlsKey else {
            return .http1()
        }
        do {
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            return try .tls(.http1(), tlsConfiguration: configuration)
        } catch {
            throw StoreError.configuration(
                "serve.tls-cert \(certificate) / tls-key \(key): cannot be read as PEM (\(error))")
        }
    }

    func receive(_ incoming: Request, from source: AlertSource) async throws -> Response {
        var request = incoming
        let body = Data(buffer: try await request.collectBody(upTo: Self.maximumBody))
        let bearer = request.headers[.authorization].flatMap { value in
            value.hasPrefix("Bearer ") ? String(value.dropFirst(7)) : nil
        }
        let authorised = bearer != nil && bearer == intake.settings.token
        let notification: AlertNotification
        do {
            notification = try Self.decode(body, from: source, route: request.uri.queryParameters.get("route"))
        } catch {
            if !authorised { return Self.unauthorised }
            return Self.json(
                .badRequest, ["status": "invalid event", "message": error.reason, "errors": [error.reason]])
        }
        let routeKeys = Set(intake.settings.routes.map(\.key))
        guard authorised || notification.routeKey.map(routeKeys.contains) == true else { return Self.unauthorised }
        guard gate.enter() else {
            var response = Self.json(.serviceUnavailable, ["status": "busy", "message": "too many alerts waiting"])
            response.headers[.retryAfter] = "1"
            return response
        }
        defer { gate.leave() }
        let outcome: AlertOutcome
        do {
            outcome = try await withCheckedThrowingContinuation { continuation in
                queue.async { continuation.resume(with: Result { try intake.receive(notification) }) }
            }
        } catch let error as StoreError {
            // Unavailable or out of space: the sender retries; anything else is the request's fault.
            let retry = error.exitCode == 69 || error.exitCode == 74
            return Self.json(
                retry ? .serviceUnavailable : .badRequest, ["status": "error", "message": error.description])
        }
        if source == .pagerduty {
            return Self.json(
                .accepted, ["status": "success", "message": "Event processed", "dedup_key": notification.groupKey])
        }
        var answer: [String: Any] = ["status": "ok", "outcome": outcome.word]
        answer["incident"] = outcome.incidentKey
        return Self.json(.ok, answer)
    }

    static func decode(_ body: Data, from source: AlertSource, route: String?) throws(AlertPayloadError)
        -> AlertNotification
    {
        switch source {
        case .alertmanager: try AlertmanagerPayload.notification(from: body)
        case .pagerduty: try PagerDutyEvent.notification(from: body) { UUID().uuidString.lowercased() }
        case .webhook: try WebhookAlert.notification(from: body, route: route)
        }
    }

    static var unauthorised: Response {
        json(
            .unauthorized, ["status": "unauthorized", "message": "a bearer token or a configured route key is needed"])
    }

    static func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data + Data("\n".utf8))))
    }
}
