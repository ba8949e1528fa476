/// The console's four panes, in the order Tab visits them.
public enum ConsolePane: String, CaseIterable, Sendable {
    case incidents
    case timeline
    case runbook
    case health

    public var title: String {
        switch self {
        case .incidents: "Incidents"
        case .timeline: "Timeline"
        case .runbook: "Runbook"
        case .health: "Health"
        }
    }

    /// The pane Tab moves to (BackTab when `backwards`), wrapping around.
    public func next(backwards: Bool = false) -> ConsolePane {
        let all = ConsolePane.allCases
        let index = all.firstIndex(of: self)!
        let step = backwards ? all.count - 1 : 1
        return all[(index + step) % all.count]
    }
}
