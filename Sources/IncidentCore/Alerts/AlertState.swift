/// Where one alert stands, as its sender says. Stored per fingerprint, so never rename one.
public enum AlertState: String, Sendable, Codable {
    case firing
    case acknowledged
    case resolved

    /// Firing and acknowledged alerts both still need the incident.
    public var isActive: Bool { self != .resolved }
}
