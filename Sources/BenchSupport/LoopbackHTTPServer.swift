import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A small HTTP(S) server on 127.0.0.1 for the health demo and tests: real sockets and TLS, with
/// answers (including slow and never-answering ones) decided by a closure per request.
public final class LoopbackHTTPServer: Sendable {
    public typealias Responder = @Sendable (_ method: String, _ path: String) -> LoopbackResponse

    private let channel: any Channel
    public let port: Int

    /// Binds to `port` (0 picks a free one). With PEM `certificate` and `privateKey` files it
    /// speaks HTTPS, which also serves `tls://` checks.
    public init(
        port: Int = 0, certificate: String? = nil, privateKey: String? = nil, responder: @escaping Responder
    ) async throws {
        var context: NIOSSLContext?
        if let certificate, let privateKey {
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: privateKey, format: .pem)))
            context = try NIOSSLContext(configuration: configuration)
        }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [context] channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(responder: responder))
                }
            }
        channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        self.port = channel.localAddress?.port ?? port
    }

    public func stop() async {
        try? await channel.close()
    }

    /// Answers each request once its end arrives, after the responder's delay.
    private final class RequestHandler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let responder: Responder
        var head: HTTPRequestHead?

        init(responder: @escaping Responder) {
            self.responder = responder
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let requestHead): head = requestHead
            case .body: break
            case .end:
                guard let head else { return }
                let response = responder(head.method.rawValue, head.uri)
                guard let delay = response.delay else { return }
                let keepAlive = head.isKeepAlive
                let version = head.version
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) {
                    let (handler, context) = loopBound.value
                    handler.write(response, version: version, keepAlive: keepAlive, context: context)
                }
            }
        }

        private func write(
            _ response: LoopbackResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext
        ) {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: response.contentType)
            headers.add(name: "Content-Length", value: String(response.body.count))
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            let head = HTTPResponseHead(
                version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                if !keepAlive { loopBound.value.close(promise: nil) }
            }
        }
    }
}
