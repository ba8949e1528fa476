/// Why a `:` command could not be understood, shown in the command area.
public struct CommandLineError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
