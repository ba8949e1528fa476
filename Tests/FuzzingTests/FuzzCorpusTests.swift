import Foundation
import Fuzzing
import Testing

/// The short form of `make fuzz`: every committed corpus input and crash reproducer of each
/// target is replayed, then up to a few hundred seeded mutations of them. A broken invariant traps the
/// test process, and the input that did it can be replayed with `sitrep-fuzz TARGET FILE`.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = corpus.appendingPathComponent(target)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { name in
            (name, Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    @Test(arguments: FuzzTargets.names)
    func corpusReplaysAndSeededMutationsHold(target name: String) throws {
        let inputs = try Self.inputs(name)
        #expect(inputs.count >= 3, "the \(name) corpus holds \(inputs.count) inputs; `make fuzz` seeds it")
        var target = try FuzzTargets.make(name)
        for input in inputs { target.run(input.bytes) }
        var mutator = SeededMutator(seed: 16, corpus: inputs.map(\.bytes))
        for _ in 0..<type(of: target).shortPassInputs { target.run(mutator.next()) }
    }

    @Test func anUnknownTargetIsNamedInTheError() {
        #expect(throws: FuzzTargetError.self) { try FuzzTargets.make("nonsense") }
        #expect("\(FuzzTargetError.unknown("nonsense"))".contains("runbook, gatus"))
    }
}
