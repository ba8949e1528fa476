/// Why a payload was refused (HTTP 400), in words a sender's operator can act on.
public struct AlertPayloadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
