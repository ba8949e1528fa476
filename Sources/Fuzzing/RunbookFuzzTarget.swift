import IncidentCore

/// Runbook Markdown, front matter included, into a parsed runbook: every problem and step names a
/// line of the file, and parsing the same bytes twice gives the same runbook.
public struct RunbookFuzzTarget: FuzzTarget {
    public static let name = "runbook"

    public init() {}

    public mutating func run(_ input: [UInt8]) {
        let runbook = RunbookParser.parse(input, path: "fuzz.md")
        for problem in runbook.problems {
            precondition(problem.file == "fuzz.md", "a problem names \(problem.file)")
            FuzzInput.checkLine(problem.line, in: input, what: "runbook problem")
        }
        for step in runbook.steps {
            FuzzInput.checkLine(step.line, in: input, what: "runbook step")
            precondition(step.timeout >= 0, "a step's timeout is negative")
        }
        let again = RunbookParser.parse(input, path: "fuzz.md")
        precondition(again == runbook, "parsing the same runbook twice differs")
    }
}
