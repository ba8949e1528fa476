import IncidentCore

/// What a `:` command line asks for, once parsed.
public enum ParsedCommand: Equatable, Sendable {
    case store(StoreAction)
    case toggleAll
    case help
    case quit
    /// `:stats [--since …] …`: open the Insights screen for these `sitrep stats` options.
    case insights([String])
    /// `:runbook NAME`: attach a runbook to the incident and drive it from the runbook pane.
    /// `restart`: stop the incident's unfinished run of it first, as the CLI's `--restart` does.
    case attachRunbook(nameOrPath: String, key: String, restart: Bool = false)
}
