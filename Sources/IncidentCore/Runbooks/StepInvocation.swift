import Foundation

/// Exactly what will run for a step: program, arguments, directory and the extra environment.
/// Built before confirmation so the operator sees what is executed, and nothing else is.
public struct StepInvocation: Sendable, Equatable {
    /// The program, looked up in `PATH` when it has no `/`.
    public var program: String
    /// Arguments after the program; the command text is one argument, never re-parsed by sitrep.
    public var arguments: [String]
    /// For interpreters that read a file: the script to write to a private temporary file,
    /// whose path is appended to `arguments`.
    public var script: String?
    /// The variables and `SITREP_*` facts added to sitrep's own environment.
    public var environment: [String: String]
    public var workingDirectory: String
    /// The command text as the runbook wrote it, recorded verbatim.
    public var command: String
    public var timeout: Double
    public var expect: String?

    public init(
        program: String, arguments: [String], script: String? = nil, environment: [String: String],
        workingDirectory: String, command: String, timeout: Double, expect: String? = nil
    ) {
        self.program = program
        self.arguments = arguments
        self.script = script
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.command = command
        self.timeout = timeout
        self.expect = expect
    }

    /// Shell steps run as `bash -eo pipefail -c COMMAND STEP-ID`: the first failing command (or
    /// pipeline stage) fails the step instead of being masked by the lines after it.
    public init(step: RunbookStep, runbookPath: String, variables: [String: String], incidentKey: String? = nil) {
        let folder = (runbookPath as NSString).deletingLastPathComponent
        let base = folder.isEmpty ? FileManager.default.currentDirectoryPath : (folder as NSString).standardizingPath
        var directory = base
        if let cwd = step.workingDirectory {
            directory = cwd.hasPrefix("/") ? cwd : (base as NSString).appendingPathComponent(cwd)
            directory = (directory as NSString).standardizingPath
        }
        var environment = variables
        environment["SITREP_RUNBOOK"] = runbookPath
        environment["SITREP_STEP"] = step.id
        if let incidentKey { environment["SITREP_INCIDENT"] = incidentKey }
        if let interpreter = step.interpreter {
            self.init(
                program: interpreter[0], arguments: Array(interpreter.dropFirst()), script: step.command,
                environment: environment, workingDirectory: directory, command: step.command, timeout: step.timeout,
                expect: step.expect)
        } else {
            self.init(
                program: "bash", arguments: ["-eo", "pipefail", "-c", step.command, step.id], environment: environment,
                workingDirectory: directory, command: step.command, timeout: step.timeout, expect: step.expect)
        }
    }
}
