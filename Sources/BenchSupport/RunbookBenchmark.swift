import CCMark
import Foundation
import IncidentCore
import Subprocess

#if canImport(Glibc)
    import Glibc
#endif

/// Runbook figures for `make bench`, each beside a peer measured in the same process: parsing
/// against libcmark alone, a confirmed step's start against spawning `bash -c true` directly,
/// and draining a large output through the executor.
public enum RunbookBenchmark {
    /// A runbook of about `lines` lines in the shape on-call teams write, for the parse figure.
    public static func generatedRunbook(lines: Int) -> String {
        var text = "# Runbook: Generated\n\n## Metadata\n\n- **Category**: Bench\n- **Owner**: bench\n\n"
        var section = 0
        var count = 8
        while count < lines {
            section += 1
            text += """
                ## Section \(section)

                Some prose about what to check in section \(section), with `inline code` and a [link](https://example.com).

                ### Check \(section)

                **Risk level**: Low

                ```bash {name=check-\(section) timeout=30s expect="ok"}
                curl -fsS "$SERVICE_URL/health/\(section)" | grep -q ok && echo ok
                echo "${REGION:-eu} $DB_HOST"
                ```

                - [ ] Confirm the dashboard for section \(section)
                - Plain item \(section)


                """
            count += 16
        }
        return text
    }

    /// Median milliseconds to parse `texts` with `RunbookParser`, and with libcmark alone.
    public static func parse(_ texts: [(path: String, bytes: [UInt8])], iterations: Int) -> (
        ours: Double, cmark: Double
    ) {
        var ours: [Double] = []
        var cmarkOnly: [Double] = []
        for _ in 0..<max(iterations, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            for text in texts { _ = RunbookParser.parse(text.bytes, path: text.path) }
            let middle = DispatchTime.now().uptimeNanoseconds
            for text in texts {
                text.bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { characters in
                        cmark_node_free(
                            cmark_parse_document(characters.baseAddress, characters.count, CMARK_OPT_VALIDATE_UTF8))
                    }
                }
            }
            let end = DispatchTime.now().uptimeNanoseconds
            ours.append(Double(middle - start) / 1e6)
            cmarkOnly.append(Double(end - middle) / 1e6)
        }
        return (median(ours), median(cmarkOnly))
    }

    /// Median milliseconds to run a confirmed `true` step through `StepExecutor`, to
    /// posix_spawn `bash -c true` and wait for it, and to run it with swift-subprocess alone
    /// (the floor the executor builds on), interleaved.
    public static func stepStart(iterations: Int) async -> (executor: Double, direct: Double, library: Double) {
        let executor = StepExecutor()
        let step = RunbookStep(id: "bench", number: 1, kind: .command, section: "", title: "", command: "true", line: 1)
        let invocation = StepInvocation(step: step, runbookPath: "./bench.md", variables: [:])
        var ours: [Double] = []
        var direct: [Double] = []
        var library: [Double] = []
        for round in 0..<(max(iterations, 1) + 5) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = await executor.run(invocation)
            let middle = DispatchTime.now().uptimeNanoseconds
            spawnBashTrue()
            let end = DispatchTime.now().uptimeNanoseconds
            _ = try? await Subprocess.run(.name("bash"), arguments: ["-c", "true"], output: .discarded)
            let last = DispatchTime.now().uptimeNanoseconds
            if round >= 5 {
                ours.append(Double(middle - start) / 1e6)
                direct.append(Double(end - middle) / 1e6)
                library.append(Double(last - end) / 1e6)
            }
        }
        return (median(ours), median(direct), median(library))
    }

    static func spawnBashTrue() {
        var pid: pid_t = 0
        let words: [String] = ["bash", "-c", "true"]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        guard posix_spawnp(&pid, "bash", nil, nil, arguments, environ) == 0 else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }

    /// Seconds to drain `bytes` of step output through the executor (capture, hash, no display).
    public static func drain(bytes: Int) async -> (seconds: Double, captured: Int) {
        let step = RunbookStep(
            id: "drain", number: 1, kind: .command, section: "", title: "", command: "head -c \(bytes) /dev/zero",
            timeout: 3600, line: 1)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = await StepExecutor().run(StepInvocation(step: step, runbookPath: "./bench.md", variables: [:]))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (seconds, result.output.totalBytes)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
