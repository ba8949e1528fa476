import Foundation

/// What one probe saw, before conditions judge it. A probe that could not connect still produces
/// one, with `connected` false and the reason in `error`.
public struct CheckObservation: Sendable, Equatable {
    public var connected: Bool
    /// HTTP status; nil for TCP, TLS and command checks.
    public var statusCode: Int?
    public var responseMilliseconds: Double
    /// The body (or a command's output) when a condition needs it.
    public var body: [UInt8]?
    public var certificateExpiresAt: Date?
    /// Why the probe itself failed (DNS, refused, TLS, timeout, body too large, exit status).
    public var error: String?
    /// Commands succeed on exit 0; a failing exit is a failure even with no conditions.
    public var exitStatus: Int32?

    public init(
        connected: Bool, statusCode: Int? = nil, responseMilliseconds: Double = 0, body: [UInt8]? = nil,
        certificateExpiresAt: Date? = nil, error: String? = nil, exitStatus: Int32? = nil
    ) {
        self.connected = connected
        self.statusCode = statusCode
        self.responseMilliseconds = responseMilliseconds
        self.body = body
        self.certificateExpiresAt = certificateExpiresAt
        self.error = error
        self.exitStatus = exitStatus
    }
}
