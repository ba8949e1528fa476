/// What a responder asks for: a stage to move to, or a reopen after mitigation or resolution.
public enum StatusMove: Equatable, Sendable {
    case to(IncidentStatus)
    case reopen

    /// Accepts the CLI's words: the stage names plus `reopened` (or `reopen`).
    public init?(argument: String) {
        let word = argument.lowercased()
        if word == "reopened" || word == "reopen" {
            self = .reopen
        } else if let status = IncidentStatus(rawValue: word) {
            self = .to(status)
        } else {
            return nil
        }
    }

    public static var argumentWords: [String] {
        IncidentStatus.allCases.map(\.rawValue).filter { $0 != "detected" } + ["reopened"]
    }
}
