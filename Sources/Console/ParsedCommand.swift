import IncidentCore

/// What a `:` command line asks for, once parsed.
public enum ParsedCommand: Equatable, Sendable {
    case store(StoreAction)
    case toggleAll
    case help
    case quit
}
