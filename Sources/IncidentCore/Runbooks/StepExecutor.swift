import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// Runs one confirmed step as a real process in its own session, streaming its combined
/// stdout+stderr to `onOutput` as it arrives while keeping only a bounded capture. Timeout and
/// `StepControl.cancel()` end the whole process group: SIGTERM, then SIGKILL after `grace`.
/// Whatever is left of the group when the step's main process exits is killed too, so nothing
/// a step started outlives it (short of a process that leaves the session with `setsid`).
public struct StepExecutor: Sendable {
    /// Time a stopped step gets to clean up between SIGTERM and SIGKILL.
    public var grace: Duration

    public init(grace: Duration = .seconds(3)) {
        self.grace = grace
    }

    /// Runs `invocation` to the end. Cancelling the calling task is the same as `control.cancel()`.
    /// `onOutput` is called on a background task with each chunk, in order; `onStart` once the
    /// process exists, before its output is read, with its group. Keep both quick.
    public func run(
        _ invocation: StepInvocation, control: StepControl = StepControl(),
        onOutput: (@Sendable ([UInt8]) -> Void)? = nil, onStart: (@Sendable (StepProcess) -> Void)? = nil
    ) async -> StepExecutionResult {
        let task = Task { await execute(invocation, control: control, onStart: onStart, onOutput: onOutput) }
        return await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            control.cancel()
        }
    }

    /// The same run as a stream for event loops: `.output` chunks, then exactly one `.finished`.
    /// Under back-pressure the oldest undelivered chunks are dropped from the stream (never from
    /// the recorded capture or its hash).
    public func events(_ invocation: StepInvocation, control: StepControl) -> AsyncStream<StepEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: StepEvent.self, bufferingPolicy: .bufferingNewest(1024))
        Task {
            let result = await execute(invocation, control: control) { continuation.yield(.output($0)) }
            continuation.yield(.finished(result))
            continuation.finish()
        }
        continuation.onTermination = { termination in
            if case .cancelled = termination { control.cancel() }
        }
        return stream
    }

    func execute(
        _ invocation: StepInvocation, control: StepControl, onStart: (@Sendable (StepProcess) -> Void)? = nil,
        onOutput: (@Sendable ([UInt8]) -> Void)?
    ) async -> StepExecutionResult {
        let clock = ContinuousClock()
        let start = clock.now
        func notStarted(_ reason: String, outcome: StepOutcome = .failed) -> StepExecutionResult {
            var capture = OutputCapture(expect: nil)
            let message = Array("sitrep: \(reason)\n".utf8)
            message.withUnsafeBytes { capture.append($0) }
            onOutput?(message)
            return StepExecutionResult(
                outcome: outcome, termination: .notStarted(reason), output: capture.finish(),
                expectFound: invocation.expect == nil ? nil : false,
                durationSeconds: Self.seconds(clock.now - start))
        }
        if control.stopReason == .cancelled { return notStarted("cancelled before it started", outcome: .cancelled) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: invocation.workingDirectory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            return notStarted("working directory \(invocation.workingDirectory) does not exist")
        }
        var arguments = invocation.arguments
        var scriptPath: String?
        if let script = invocation.script {
            guard let path = Self.writeScript(script) else {
                return notStarted("cannot write the step's script to a temporary file")
            }
            scriptPath = path
            arguments.append(path)
        }
        defer { if let scriptPath { unlink(scriptPath) } }

        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: grace)]
        var overrides: [Environment.Key: String?] = [:]
        for (name, value) in invocation.environment {
            overrides[Environment.Key(stringLiteral: name)] = value
        }
        let searchPath = invocation.environment["PATH"] ?? getenv("PATH").map { String(cString: $0) }
        let executable: Executable =
            if invocation.program.contains("/") {
                .path(FilePath(invocation.program))
            } else if let found = ExecutableLookup.resolve(invocation.program, searchPath: searchPath) {
                .path(FilePath(found))
            } else {
                .name(invocation.program)
            }
        let grace = self.grace
        let timeout = invocation.timeout
        let expect = invocation.expect
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(arguments), environment: .inherit.updating(overrides),
                workingDirectory: FilePath(invocation.workingDirectory), platformOptions: options, input: .none,
                output: .sequence, error: .combinedWithOutput
            ) { execution in
                let processGroup = execution.processIdentifier.value
                let descriptor = execution.processIdentifier.processDescriptor
                control.attach(processGroup: processGroup)
                // Not yet reaped, so the pid is still this process even if it already exited.
                if let onStart, let process = StepProcess.current(leader: processGroup) { onStart(process) }
                // A dispatch timer rather than a sleeping task: it costs less per step.
                let deadline = DispatchWorkItem { control.request(.timedOut) }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
                defer { deadline.cancel() }
                return await withTaskGroup(of: Void.self, returning: CapturedStream.self) { group in
                    group.addTask {
                        guard await control.nextRequest() != nil else { return }
                        control.signalGroup(SIGTERM)
                        guard (try? await Task.sleep(for: grace)) != nil else { return }
                        control.signalGroup(SIGKILL)
                    }
                    var capture = OutputCapture(expect: expect)
                    do {
                        for try await buffer in execution.standardOutput {
                            buffer.withUnsafeBytes { capture.append($0) }
                            if let onOutput { onOutput(buffer.withUnsafeBytes { Array($0) }) }
                        }
                    } catch {
                        // The pipe failed; the group is ended below and the step reports what it got.
                        control.request(.cancelled)
                    }
                    await Self.waitForExit(descriptor: descriptor)
                    // The main process is now a zombie that is not yet reaped, so its pid (the group id)
                    // cannot have been reused: anything left in the group is the step's own.
                    control.signalGroup(SIGKILL)
                    control.finish()
                    group.cancelAll()
                    return CapturedStream(output: capture.finish(), expectFound: capture.found)
                }
            }
            let captured = result.closureResult
            let termination: StepTermination =
                switch result.terminationStatus {
                case .exited(let code): .exited(code)
                case .signaled(let signal): .signaled(signal)
                }
            let found = expect == nil ? nil : captured.expectFound
            let outcome: StepOutcome =
                switch control.stopReason {
                case .cancelled: .cancelled
                case .timedOut: .timedOut
                case nil: termination == .exited(0) && found != false ? .ran : .failed
                }
            return StepExecutionResult(
                outcome: outcome, termination: termination, output: captured.output, expectFound: found,
                durationSeconds: Self.seconds(clock.now - start))
        } catch {
            control.finish()
            return notStarted("\(invocation.program): \(Self.describe(error))")
        }
    }

    /// What the drain hands back across the subprocess body's boundary.
    struct CapturedStream: Sendable {
        var output: CapturedOutput
        var expectFound: Bool
    }

    static func describe(_ error: any Error) -> String {
        if let subprocessError = error as? SubprocessError {
            let text = subprocessError.description
            if text.contains("executableNotFound") || text.lowercased().contains("not found") {
                return "command not found"
            }
            return text
        }
        return "\(error)"
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Waits without reaping (the library reaps) until the step's main process has exited.
    static func waitForExit(descriptor: Int32) async {
        guard descriptor >= 0 else { return }
        var probe = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        if poll(&probe, 1, 0) == 1 { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                while poll(&entry, 1, -1) < 0, errno == EINTR {}
                continuation.resume()
            }
        }
    }

    /// A 0600 file in the temporary folder holding an interpreter step's script.
    static func writeScript(_ script: String) -> String? {
        var template = Array(
            (NSTemporaryDirectory() as NSString).appendingPathComponent("sitrep-step-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let bytes = Array(script.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { return nil }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
