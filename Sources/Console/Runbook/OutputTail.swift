/// The last lines of a running step's output for display, in bounded memory however much the
/// step writes. Terminal control sequences are dropped (they would repaint the console), `\r`
/// starts the line again (progress bars), and invalid UTF-8 shows as U+FFFD. The store keeps
/// the real record (head, tail and hash); this is only what the pane can show.
public struct OutputTail: Equatable, Sendable {
    public static let lineLimit = 200
    /// A line longer than this is broken, so one endless line cannot grow without bound.
    public static let lineWidthLimit = 1024

    public private(set) var lines: [String] = []
    public private(set) var partial = ""
    public private(set) var totalBytes = 0
    /// An incomplete UTF-8 sequence at the end of the last chunk, finished by the next one.
    private var carry: [UInt8] = []
    private var inEscape = false
    private var inCSI = false

    public init() {}

    /// Complete lines plus the line being written, newest last.
    public var displayLines: [String] { partial.isEmpty ? lines : lines + [partial] }

    public mutating func append(_ bytes: [UInt8]) {
        totalBytes += bytes.count
        var chunk = carry + bytes
        carry = Self.incompleteSuffix(chunk)
        chunk.removeLast(carry.count)
        for scalar in String(decoding: chunk, as: UTF8.self).unicodeScalars { take(scalar) }
    }

    private mutating func take(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if inCSI {
            if (0x40...0x7E).contains(value) { inCSI = false }
            return
        }
        if inEscape {
            inEscape = false
            if value == 0x5B { inCSI = true }
            return
        }
        switch value {
        case 0x1B: inEscape = true
        case 0x0A: endLine()
        case 0x0D: partial = ""
        case 0x09: partial += "    "
        case 0..<0x20, 0x7F, 0x80..<0xA0: break
        default:
            partial.unicodeScalars.append(scalar)
            if partial.unicodeScalars.count >= Self.lineWidthLimit { endLine() }
        }
    }

    private mutating func endLine() {
        lines.append(partial)
        partial = ""
        if lines.count > Self.lineLimit { lines.removeFirst(lines.count - Self.lineLimit) }
    }

    /// The trailing bytes of a UTF-8 sequence cut short by the chunk's end (at most three).
    static func incompleteSuffix(_ bytes: [UInt8]) -> [UInt8] {
        var index = bytes.count - 1
        var continuation = 0
        while index >= 0, continuation < 3, bytes[index] & 0xC0 == 0x80 {
            continuation += 1
            index -= 1
        }
        guard index >= 0 else { return [] }
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return length > continuation + 1 && length > 1 ? Array(bytes[index...]) : []
    }
}
