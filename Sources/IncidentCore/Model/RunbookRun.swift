import Foundation

/// One attempt at working through a runbook on an incident; survives sitrep exiting or crashing.
public struct RunbookRun: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var incidentId: Int64
    public var runbookPath: String
    public var runbookTitle: String
    /// SHA-256 of the runbook file when the run started: a resume against a changed file is refused.
    public var contentHash: String
    public var startedBy: String
    public var startedAt: Date
    /// The variable values the operator gave, as a JSON object with sorted keys.
    public var variables: String
    public var state: RunbookRunState
    public var endedAt: Date?
    /// How many steps the runbook had when the run started.
    public var stepCount: Int

    public var variableValues: [String: String] {
        guard let data = variables.data(using: .utf8),
            let object = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return object
    }
}
