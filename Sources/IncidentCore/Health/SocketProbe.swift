import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// TCP connect and TLS handshake probes over SwiftNIO; the TLS one reports when the peer's
/// certificate expires, for `[CERTIFICATE_EXPIRATION]`.
struct SocketProbe: Sendable {
    let group: any EventLoopGroup

    /// What a connection attempt saw: connected or not, the certificate's end of validity, the error.
    struct Outcome: Sendable {
        var connected: Bool
        var certificateExpiresAt: Date?
        var error: String?
    }

    func connect(host: String, port: Int, tls: Bool, insecure: Bool, timeout: Double) async -> Outcome {
        do {
            let expiry = try await ProbeFailure.withDeadline(seconds: timeout) {
                try await open(host: host, port: port, tls: tls, insecure: insecure, timeout: timeout)
            }
            return Outcome(connected: true, certificateExpiresAt: expiry, error: nil)
        } catch {
            return Outcome(
                connected: false, certificateExpiresAt: nil,
                error: ProbeFailure.reason(error, host: "\(host):\(port)", timeout: timeout))
        }
    }

    private func open(host: String, port: Int, tls: Bool, insecure: Bool, timeout: Double) async throws -> Date? {
        var context: NIOSSLContext?
        if tls {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if insecure { configuration.certificateVerification = .none }
            context = try NIOSSLContext(configuration: configuration)
        }
        let promise = group.next().makePromise(of: Date?.self)
        let isAddress = host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(timeout * 1000)))
            .channelInitializer { [context] channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context {
                        let handler = try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
                        try channel.pipeline.syncOperations.addHandler(handler)
                        try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(promise: promise))
                    }
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            promise.fail(error)
            throw error
        }
        defer { channel.close(promise: nil) }
        guard tls else {
            promise.succeed(nil)
            return nil
        }
        return try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            promise.fail(ProbeFailure.TimedOut())
        }
    }

    /// Completes the promise with the certificate's expiry when the TLS handshake is done.
    private final class HandshakeWatcher: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        let promise: EventLoopPromise<Date?>

        init(promise: EventLoopPromise<Date?>) {
            self.promise = promise
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .handshakeCompleted = event as? TLSUserEvent {
                let handler = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
                let expiry = handler?.peerCertificate.map { Date(timeIntervalSince1970: Double($0.notValidAfter)) }
                promise.succeed(expiry)
            }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise.fail(error)
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.fail(ChannelError.eof)
            context.fireChannelInactive()
        }
    }
}
