import ArgumentParser
import BenchSupport
import CommandLineSupport
import Foundation
import IncidentCore

/// `sitrep-bench runbooks …`: the runbook figures scripts/bench_runbooks.py prints.
struct RunbookBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbooks", abstract: "Runbook parse, step start and output drain figures.",
        subcommands: [Parse.self, Start.self, Drain.self])

    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Median ms to parse a folder plus a generated runbook, beside libcmark alone.")
        @Option(name: .long, help: "Folder of runbooks.") var folder = "Runbooks"
        @Option(name: .long, help: "Lines in the generated runbook.") var lines = 10_000
        @Option(name: .long, help: "Repetitions.") var iterations = 21

        func run() throws {
            var texts: [(path: String, bytes: [UInt8])] = []
            for file in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where file.hasSuffix(".md")
            {
                let path = folder + "/" + file
                texts.append((path, Array(FileManager.default.contents(atPath: path) ?? Data())))
            }
            texts.append(("generated.md", Array(RunbookBenchmark.generatedRunbook(lines: lines).utf8)))
            let result = RunbookBenchmark.parse(texts, iterations: iterations)
            print(String(format: "%.3f %.3f %d", result.ours, result.cmark, texts.count))
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Median ms to run a confirmed `true` step, beside spawning `bash -c true` directly.")
        @Option(name: .long, help: "Repetitions.") var iterations = 100

        func run() throws {
            let iterations = self.iterations
            let result = try AsyncBridge.wait { await RunbookBenchmark.stepStart(iterations: iterations) }
            print(String(format: "%.3f %.3f %.3f", result.executor, result.direct, result.library))
        }
    }

    struct Drain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drain", abstract: "Seconds to drain a step's output of --bytes bytes.")
        @Option(name: .long, help: "Bytes of output.") var bytes = 1 << 30

        func run() throws {
            let bytes = self.bytes
            let result = try AsyncBridge.wait { await RunbookBenchmark.drain(bytes: bytes) }
            print(String(format: "%.3f %d", result.seconds, result.captured))
        }
    }
}
