/// What `LoopbackHTTPServer` answers to one request.
public struct LoopbackResponse: Sendable {
    public var status: Int
    public var body: [UInt8]
    public var contentType: String
    /// Seconds to wait before answering; `nil` never answers (a hanging endpoint).
    public var delay: Double?

    public init(status: Int = 200, body: [UInt8] = [], contentType: String = "application/json", delay: Double? = 0) {
        self.status = status
        self.body = body
        self.contentType = contentType
        self.delay = delay
    }

    public init(status: Int = 200, text: String, contentType: String = "application/json", delay: Double? = 0) {
        self.init(status: status, body: Array(text.utf8), contentType: contentType, delay: delay)
    }
}
