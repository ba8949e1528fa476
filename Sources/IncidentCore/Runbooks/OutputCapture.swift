import Crypto
import Foundation

/// Accumulates a step's output in bounded memory: keeps the head and a trailing window, hashes
/// everything, and watches for the `expect` text across chunk boundaries.
struct OutputCapture {
    static let headLimit = 64 * 1024
    static let tailLimit = 64 * 1024

    private(set) var head: [UInt8] = []
    /// Grows to twice the limit before it is trimmed, so trimming costs little per byte.
    private var tail: [UInt8] = []
    private(set) var totalBytes = 0
    private var hasher = SHA256()
    private let needle: [UInt8]
    /// The last `needle.count - 1` bytes seen, so a match split across two chunks is found.
    private var carry: [UInt8] = []
    private(set) var found: Bool

    init(expect: String?) {
        needle = Array((expect ?? "").utf8)
        found = needle.isEmpty
        head.reserveCapacity(Self.headLimit)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        hasher.update(bufferPointer: bytes)
        totalBytes += bytes.count
        let chunk = bytes.bindMemory(to: UInt8.self)
        var rest = chunk[...]
        if head.count < Self.headLimit {
            let taken = min(Self.headLimit - head.count, chunk.count)
            head.append(contentsOf: chunk[0..<taken])
            rest = chunk[taken...]
        }
        if !rest.isEmpty {
            tail.append(contentsOf: rest)
            if tail.count > 2 * Self.tailLimit { tail.removeFirst(tail.count - Self.tailLimit) }
        }
        if !found { search(chunk) }
    }

    private mutating func search(_ chunk: UnsafeBufferPointer<UInt8>) {
        var window = carry
        window.append(contentsOf: chunk)
        found = Self.contains(window, needle)
        carry = Array(window.suffix(needle.count - 1))
    }

    /// glibc's `memmem` is not visible to Swift without `_GNU_SOURCE`; needles here are short.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { wanted in
                let first = wanted[0]
                var index = 0
                let last = hay.count - wanted.count
                while index <= last {
                    if hay[index] == first, memcmp(hay.baseAddress! + index, wanted.baseAddress!, wanted.count) == 0 {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }

    func finish() -> CapturedOutput {
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return CapturedOutput(
            head: head, tail: Array(tail.suffix(Self.tailLimit)), totalBytes: totalBytes, sha256: digest)
    }
}
