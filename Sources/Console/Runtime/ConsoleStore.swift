import IncidentCore

/// Everything the console reads and writes: incidents, runbook runs, handoffs and statistics.
public typealias ConsoleStore = IncidentStore & RunbookStore & HandoffStore & StatsStore
