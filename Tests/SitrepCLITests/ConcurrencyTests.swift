import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Several real `sitrep` processes writing to one database at once, and writers killed mid-loop.
@Suite(.serialized) struct ConcurrencyTests {
    @Test func concurrentWritersLoseNothing() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "Load test", "--severity", "P2"])
        let loopers = 6
        let notesEach = 200
        var processes: [Process] = []
        for writer in 1...loopers {
            processes.append(
                try cli.start(
                    [
                        "append-notes", key, "--count", String(notesEach), "--prefix", "writer-\(writer)", "--user",
                        "writer-\(writer)",
                    ], binary: CLIRunner.benchBinary))
        }
        // Two more writers that start a fresh process for every note, as scripts do.
        let finished = DispatchGroup()
        for writer in 1...2 {
            finished.enter()
            Thread {
                for number in 1...25 {
                    _ = try? cli.run(["note", key, "shell-\(writer) \(number)"])
                }
                finished.leave()
            }.start()
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        finished.wait()
        let expected = 1 + loopers * notesEach + 2 * 25
        #expect(try cli.sqlite("SELECT count(*) FROM timelineEntry") == String(expected))
        #expect(try cli.sqlite("SELECT count(DISTINCT text) FROM timelineEntry") == String(expected))
        #expect(try cli.sqlite("SELECT max(sequence) FROM timelineEntry") == String(expected))
        #expect(try cli.ok(["verify"]) == "ok: \(expected) entries in 1 incidents verified")
    }

    @Test func concurrentDeclarationsGetUniqueKeysEvenOnAFreshFile() throws {
        let cli = try CLIRunner()
        let outputs = (1...8).map { cli.folder + "/declare-\($0).out" }
        var processes: [Process] = []
        for output in outputs {
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            processes.append(
                try cli.start(
                    ["declare", "Same moment", "--severity", "P1", "--at", "2025-11-04T10:00:00Z"], stdout: handle))
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let keys = try outputs.map {
            try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(Set(keys).count == 8)
        #expect(Set(keys) == Set((1...8).map { String(format: "INC-20251104-%03d", $0) }))
    }

    @Test func reportedWritesSurviveKillNine() throws {
        let cli = try CLIRunner()
        let key = try cli.ok(["declare", "Crash test", "--severity", "P2"])
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.benchBinary)
        process.arguments = ["append-notes", key, "--count", "100000", "--prefix", "durable"]
        process.environment = cli.environment
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        var reported = 0
        let reader = pipe.fileHandleForReading
        while reported < 300 {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n")
            if let last = lines.last(where: { _ in buffer.last == 10 }) ?? lines.dropLast().last {
                reported = Int(last) ?? reported
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(reported >= 300)
        let stored = Int(try cli.sqlite("SELECT count(*) FROM timelineEntry WHERE text LIKE 'durable %'")) ?? -1
        #expect(stored >= reported)
        #expect(try cli.sqlite("SELECT count(*) FROM timelineEntry WHERE text = 'durable \(reported)'") == "1")
        #expect(try cli.run(["verify"]).status == 0)
        _ = try cli.ok(["note", key, "after the crash"])
        #expect(try cli.run(["verify"]).status == 0)
    }
}
