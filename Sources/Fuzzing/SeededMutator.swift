import IncidentCore

/// libFuzzer's kinds of mutation, driven by a fixed seed: the short pass in `make test` replays
/// exactly, with no fuzzer runtime, and still reaches inputs the corpus does not hold.
public struct SeededMutator {
    var random: SplitMix
    let corpus: [[UInt8]]
    static let tokens: [[UInt8]] = [
        "{{", "}}", "{{#", "{{/", "{{^", "{{>", "{{{", "```sh", "```", "---\n", "\n", ":", "- ", "  ", "[BODY]",
        "[STATUS]", "len(", "==", "<", ">=", "0x", "0b", "0o", "\"", "\\u0000", "[", "]", "{", "}", "null", "-1",
        "9223372036854775808", "\u{1F525}", "\r\n", "\t", "&", "*", "!!binary",
    ].map { Array($0.utf8) }

    public init(seed: UInt64, corpus: [[UInt8]]) {
        random = SplitMix(seed: seed)
        self.corpus = corpus.isEmpty ? [[]] : corpus
    }

    /// One input: a corpus entry changed by one to four mutations.
    public mutating func next() -> [UInt8] {
        var input = corpus.randomElement(using: &random)!
        for _ in 0..<Int.random(in: 1...4, using: &random) { mutate(&input) }
        return input
    }

    mutating func mutate(_ input: inout [UInt8]) {
        let position = input.isEmpty ? 0 : Int.random(in: 0..<input.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where !input.isEmpty:
            input[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
        case 1 where !input.isEmpty:
            let end = min(input.count, position + Int.random(in: 1...16, using: &random))
            input.removeSubrange(position..<end)
        case 2:
            input.insert(contentsOf: Self.tokens.randomElement(using: &random)!, at: position)
        case 3:
            let other = corpus.randomElement(using: &random)!
            let cut = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &random)
            input = Array(input[..<position]) + other[cut...]
        case 4 where !input.isEmpty:
            let end = min(input.count, position + Int.random(in: 1...64, using: &random))
            input.insert(contentsOf: input[position..<end], at: position)
        default:
            input.insert(UInt8.random(in: 0...255, using: &random), at: position)
        }
    }
}
