import ArgumentParser

/// The `sitrep` command: a thin layer that parses arguments and calls IncidentCore.
@main
struct Sitrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Incident management from the terminal: declare, drive, hand over and review incidents.",
        discussion: """
            Every command works on one SQLite database: --db PATH, else $SITREP_DB, else \
            $XDG_DATA_HOME/sitrep/sitrep.sqlite. Entries are signed with --user, else $SITREP_USER, \
            else `user:` in config.yaml, else the login name. Times are ISO-8601 (any offset) and shown in UTC.

            Exit codes: 0 ok, 64 bad usage, 65 refused or bad data, 66 no such incident, 74 I/O error, \
            78 bad config file.
            """,
        version: version,
        subcommands: [
            DeclareCommand.self, ListCommand.self, ShowCommand.self, NoteCommand.self, StatusCommand.self,
            SeverityCommand.self, AssignCommand.self, EditCommand.self, ActionCommand.self, ExportCommand.self,
            ImportCommand.self, VerifyCommand.self, RunbookCommand.self, HandoffCommand.self, PostmortemCommand.self,
            StatsCommand.self,
            HealthCommand.self,
            AlertCommand.self, ServeCommand.self, DatabaseCommand.self, ConsoleCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
    /// Printed by `sitrep --version`; bump with each release.
    static let version = "0.1.0"
}
