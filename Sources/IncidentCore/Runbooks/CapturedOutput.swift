import Foundation

/// A step's output as kept: the first and last 64 KiB (together, all of it when it is short),
/// plus the size and SHA-256 of every byte, so a huge output is bounded yet still provable.
public struct CapturedOutput: Sendable, Equatable {
    public var head: [UInt8]
    /// The bytes after `head`, at most the last 64 KiB of the output.
    public var tail: [UInt8]
    public var totalBytes: Int
    public var sha256: String

    public init(head: [UInt8], tail: [UInt8], totalBytes: Int, sha256: String) {
        self.head = head
        self.tail = tail
        self.totalBytes = totalBytes
        self.sha256 = sha256
    }

    /// Bytes dropped between head and tail.
    public var omittedBytes: Int { totalBytes - head.count - tail.count }

    /// Head and tail as text (invalid UTF-8 shown as U+FFFD), with a marker where bytes were dropped.
    public var text: String {
        var output = String(decoding: head, as: UTF8.self)
        if omittedBytes > 0 { output += "\n… \(omittedBytes) bytes not kept …\n" }
        output += String(decoding: tail, as: UTF8.self)
        return output
    }
}
