/// One thing wrong with a runbook file, located by line so the author can fix it without guessing.
public struct RunbookProblem: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `Runbooks/disk.md:12: unknown attribute `tmeout``, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line): \(message)" }
}
