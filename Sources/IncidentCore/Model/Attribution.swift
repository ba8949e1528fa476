import Foundation

/// Who is writing and, when logging late, when it really happened (nil means now).
public struct Attribution: Sendable, Equatable {
    public var author: String
    public var eventTime: Date?

    public init(author: String, eventTime: Date? = nil) {
        self.author = author
        self.eventTime = eventTime
    }
}
