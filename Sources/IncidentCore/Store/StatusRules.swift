import Foundation

/// The lifecycle rules: which moves make sense and which times are possible. Pure, so the
/// console can explain a refusal before it ever reaches the store.
public enum StatusRules {
    /// The stage a move lands on, or a refusal saying why it makes no sense.
    public static func target(of move: StatusMove, incident: Incident) throws -> IncidentStatus {
        let current = incident.status
        switch move {
        case .reopen:
            guard [.mitigated, .resolved, .closed].contains(current) else {
                throw StoreError.refused(
                    "\(incident.key) is \(current.rawValue); only a mitigated, resolved or closed incident can be "
                        + "reopened; nothing was written")
            }
            return .investigating
        case .to(let target):
            if target == current {
                throw StoreError.refused("\(incident.key) is already \(current.rawValue); nothing was written")
            }
            if target == .closed, current != .resolved {
                throw StoreError.refused(
                    "\(incident.key) cannot be closed: it was never resolved (it is \(current.rawValue)); "
                        + "resolve it first; nothing was written")
            }
            if target.rank < current.rank {
                throw StoreError.refused(
                    "\(incident.key) is \(current.rawValue) and cannot move back to \(target.rawValue); "
                        + "use `reopened` if the problem is back; nothing was written")
            }
            return target
        }
    }

    /// A milestone cannot come before the declaration or before the milestones already reached.
    public static func checkTime(_ time: Date, for move: StatusMove, target: IncidentStatus, incident: Incident) throws
    {
        let reached: [Milestone] = [.declared, .acknowledged, .mitigated, .resolved, .closed]
        for milestone in reached {
            guard let earlier = incident.time(of: milestone), time < earlier else { continue }
            let what = move == .reopen ? "reopen" : target.rawValue
            throw StoreError.refused(
                "\(incident.key): the \(what) time \(Timestamp.iso(time)) is before it was \(milestone.rawValue) at "
                    + "\(Timestamp.iso(earlier)); nothing was written")
        }
    }
}
