import IncidentCore

/// A Gatus-style checks file into checks: it either parses or is refused with an error naming the
/// file and a line that exists, and every problem it reports does the same.
public struct HealthFileFuzzTarget: FuzzTarget {
    public static let name = "gatus"

    public init() {}

    public mutating func run(_ input: [UInt8]) {
        do {
            let file = try HealthCheckFile.parse(FuzzInput.text(input), file: "checks.yaml")
            for problem in file.problems + file.unsupported {
                precondition(problem.file == "checks.yaml", "a problem names \(problem.file)")
                FuzzInput.checkLine(problem.line, in: input, what: "checks problem")
            }
            for check in file.checks {
                precondition(!check.key.isEmpty, "a check has no key")
                precondition(check.interval > 0, "a check runs every \(check.interval) s")
            }
        } catch let error as ConfigError {
            precondition(error.file == "checks.yaml", "an error names \(error.file)")
            FuzzInput.checkLine(error.line, in: input, what: "checks error")
        } catch {
            preconditionFailure("checks file refused without a file and line: \(error)")
        }
    }
}
