import Foundation

/// A one-line message in the command area: confirmations and refusals, cleared after a while.
public struct Notice: Equatable, Sendable {
    public enum Level: Equatable, Sendable {
        case info, error
    }

    public var text: String
    public var level: Level
    /// When the notice stops being shown; errors stay longer than confirmations.
    public var expiresAt: Date

    public init(_ text: String, level: Level, now: Date) {
        self.text = text
        self.level = level
        self.expiresAt = now.addingTimeInterval(level == .error ? 12 : 5)
    }
}
