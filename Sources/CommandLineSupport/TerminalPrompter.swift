import Foundation
import IncidentCore

#if canImport(Glibc)
    import Glibc
#endif

/// Asks questions on standard output and reads answers from standard input one unbuffered byte
/// at a time, discarding type-ahead before each prompt on a terminal so a key pressed earlier
/// (or while a step ran) can never answer a confirmation it did not see.
public struct TerminalPrompter: Sendable {
    let input: Int32
    let output: Int32

    public init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    public func say(_ text: String) {
        let bytes = Array(text.utf8)
        write(bytes)
    }

    public func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// Prints `prompt`, then returns one line without its newline, or nil at end of input.
    public func ask(_ prompt: String) -> String? {
        if isatty(input) == 1 { tcflush(input, TCIFLUSH) }
        say(prompt)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == 10 { break }
            line.append(byte)
        }
        if line.last == 13 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
