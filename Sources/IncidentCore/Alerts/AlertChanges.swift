/// What a notification says that the store does not know yet: the heart of dedup, decided once
/// above every backend. A sender re-sending the same state changes nothing, so writes nothing.
public struct AlertChanges: Sendable, Equatable {
    public var started: [AlertInstance] = []
    public var acknowledged: [AlertInstance] = []
    public var resolved: [AlertInstance] = []
    /// Each fingerprint's state after the notification, the recorded ones included.
    public var states: [String: AlertState]

    public var isEmpty: Bool { started.isEmpty && acknowledged.isEmpty && resolved.isEmpty }
    /// Whether every alert the incident holds has cleared.
    public var allResolved: Bool { !states.isEmpty && states.values.allSatisfy { !$0.isActive } }

    /// `recorded` is what the store holds for the incident, by fingerprint. Within one payload
    /// the last mention of a fingerprint wins.
    public init(recorded: [String: AlertState], incoming: [AlertInstance]) {
        states = recorded
        var seen = Set<String>()
        for alert in incoming.reversed() where seen.insert(alert.fingerprint).inserted {
            let before = recorded[alert.fingerprint]
            switch (alert.state, before) {
            case (.firing, nil), (.firing, .resolved?):
                started.append(alert)
            case (.acknowledged, .firing?):
                acknowledged.append(alert)
            case (.resolved, .firing?), (.resolved, .acknowledged?):
                resolved.append(alert)
            default:
                continue
            }
            states[alert.fingerprint] = alert.state
        }
        started.reverse()
        acknowledged.reverse()
        resolved.reverse()
    }
}
