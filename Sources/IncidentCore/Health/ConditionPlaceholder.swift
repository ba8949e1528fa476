/// The values a condition can ask about, named as Gatus names them.
public enum ConditionPlaceholder: String, Sendable, CaseIterable {
    case status = "[STATUS]"
    case responseTime = "[RESPONSE_TIME]"
    case body = "[BODY]"
    case connected = "[CONNECTED]"
    case certificateExpiration = "[CERTIFICATE_EXPIRATION]"

    /// Placeholders whose value is a duration compare in milliseconds, as Gatus does.
    var isDuration: Bool { self == .certificateExpiration }
}
