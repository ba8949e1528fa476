import IncidentCore

/// Everything the console reads and writes: incidents, runbook runs and handoffs.
public typealias ConsoleStore = IncidentStore & RunbookStore & HandoffStore
