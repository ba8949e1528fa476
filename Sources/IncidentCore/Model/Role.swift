/// Incident roles. Commander, scribe and comms lead have one holder; responders are many.
public enum Role: String, CaseIterable, Codable, Sendable {
    case commander
    case scribe
    case comms
    case responder

    public var isSingleHolder: Bool { self != .responder }

    public var title: String {
        switch self {
        case .commander: "incident commander"
        case .scribe: "scribe"
        case .comms: "comms lead"
        case .responder: "responder"
        }
    }
}
