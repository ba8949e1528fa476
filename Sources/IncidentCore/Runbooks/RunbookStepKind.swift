/// What confirming a step does: run a command, tick off a manual task, or nothing (a shown snippet).
public enum RunbookStepKind: String, Codable, Sendable {
    /// A `sh`/`bash`/`shell` block, or any block given an `interpreter`: confirmed, then executed.
    case command
    /// A task-list item (`- [ ] …`): a person does it and confirms by hand.
    case manual
    /// A block in another language (`sql`, `yaml`…) with no interpreter: shown for reference, never run.
    case snippet
}
