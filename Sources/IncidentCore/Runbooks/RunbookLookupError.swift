/// A runbook name or path that leads to no file; the CLI exits 66 (no input) for it.
public struct RunbookLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
