import Foundation

/// What the operator must answer before a step runs. No step ever runs without one of these.
public enum StepConfirmation: Sendable, Equatable {
    /// Low or medium risk, or a manual step: `y`.
    case yes
    /// High risk: the step's name, typed exactly, so a reflexive `y` cannot start it.
    case typeName(String)

    public init(step: RunbookStep) {
        self = step.risk == .high ? .typeName(step.id) : .yes
    }

    /// Whether `answer` (one line, surrounding spaces ignored) confirms the step.
    public func accepts(_ answer: String) -> Bool {
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        switch self {
        case .yes: return trimmed == "y" || trimmed == "Y" || trimmed.lowercased() == "yes"
        case .typeName(let name): return trimmed == name
        }
    }
}
