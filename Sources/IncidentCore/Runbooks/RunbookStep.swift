/// One step of a runbook as the author wrote it: where it sits, what it runs and how carefully.
public struct RunbookStep: Codable, Sendable, Equatable, Identifiable {
    /// Unique within the runbook: the `name` attribute, else a slug of the title (`-2`, `-3` for repeats).
    /// Typing it confirms a high-risk step, and resuming a run matches recorded steps by it.
    public var id: String
    /// 1-based position in the runbook, counting every kind of step.
    public var number: Int
    public var kind: RunbookStepKind
    /// The level-2 heading the step sits under (`Diagnosis Steps`, `Resolution`…); empty before any.
    public var section: String
    /// The nearest heading above the step, or the task text for a manual step.
    public var title: String
    /// Prose between the heading and the block (or the list item's text), shown before confirming.
    public var summary: String
    /// The exact text that runs (or, for a manual step, the task to do).
    public var command: String
    /// The fence's language word (`bash`, `sql`…); empty for manual steps.
    public var language: String
    /// The program the command is given to, e.g. `["python3"]`; nil means the shell.
    public var interpreter: [String]?
    public var risk: RiskLevel
    /// Seconds before the step's whole process group is ended.
    public var timeout: Double
    public var workingDirectory: String?
    /// Text the output must contain for the step to count as having worked.
    public var expect: String?
    public var promptEnvironment: PromptEnvironment
    public var variables: [RunbookVariable]
    /// Line of the fence or task item in the file, for messages and editors.
    public var line: Int
    /// Why the step cannot run (its fence is never closed); the rest of the runbook still can.
    public var problem: RunbookProblem?
    /// For a shell-session block, the prompt (`$ ` or `# `) taken off its command lines; the
    /// block's other lines are sample output and are not in `command`.
    public var sessionPrompt: String?
    /// Info-string attributes sitrep does not act on (runme's `id`, `interactive`…), kept as written.
    public var otherAttributes: [String: String]?

    /// Five minutes: long enough for a restart, short enough that a hung step does not hold the incident.
    public static let defaultTimeout: Double = 300

    public init(
        id: String, number: Int, kind: RunbookStepKind, section: String, title: String, summary: String = "",
        command: String, language: String = "", interpreter: [String]? = nil, risk: RiskLevel = .medium,
        timeout: Double = RunbookStep.defaultTimeout, workingDirectory: String? = nil, expect: String? = nil,
        promptEnvironment: PromptEnvironment = .auto, variables: [RunbookVariable] = [], line: Int
    ) {
        self.id = id
        self.number = number
        self.kind = kind
        self.section = section
        self.title = title
        self.summary = summary
        self.command = command
        self.language = language
        self.interpreter = interpreter
        self.risk = risk
        self.timeout = timeout
        self.workingDirectory = workingDirectory
        self.expect = expect
        self.promptEnvironment = promptEnvironment
        self.variables = variables
        self.line = line
    }

    /// Whether confirming the step starts a process.
    public var isExecutable: Bool { kind == .command && problem == nil }
}
