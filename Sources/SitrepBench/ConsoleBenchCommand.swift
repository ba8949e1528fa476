import ArgumentParser
import BenchSupport
import CommandLineSupport
import Console
import CursesBackend
import Foundation
import IncidentCore
import TerminalUI

/// `sitrep-bench console`: the console's figures for `make bench`, on a real database.
struct ConsoleBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Console figures: first frame, render + diff per key, bytes per selection move, peak RSS.")

    @Option(name: .long, help: "Keys to time.") var keys = 1000
    @Flag(name: .long, help: "Only build the first frame and exit (for timing the whole process).")
    var firstFrameOnly = false
    @OptionGroup var options: StoreOptions

    func run() throws {
        let size = Size(width: 120, height: 40)
        try options.run(longLived: true) { store, _ in
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try ConsoleBenchmark.firstFrame(store: store, size: size, user: "bench")
            let firstFrame = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if firstFrameOnly { return }
            let perKey = try ConsoleBenchmark.keystrokes(store: store, size: size, count: keys) * 1000
            let pty = try PseudoTerminal(size: size)
            let terminal = CursesTerminal(
                input: pty.secondary, output: pty.secondary, terminalType: "xterm-256color", handleSignals: false)
            try terminal.start()
            defer { terminal.stop() }
            let before = try ConsoleBenchmark.loadedState(store: store, size: size)
            let beforeFrame = ConsoleView.render(before, theme: .dark).buffer
            try terminal.present(beforeFrame)
            _ = pty.drainOutput()
            let after = ConsoleBenchmark.pressing(.character("j"), in: before, store: store)
            let afterFrame = ConsoleView.render(after, theme: .dark).buffer
            try terminal.present(afterFrame)
            let bytes = pty.drainOutput().count
            let changedCells = afterFrame.changes(from: beforeFrame).reduce(0) { $0 + $1.cells.count }
            // The same move with the previous incident's panes kept: what the list itself costs.
            var listOnly = after
            listOnly.timeline = before.timeline
            listOnly.context = before.context
            try terminal.present(beforeFrame)
            _ = pty.drainOutput()
            try terminal.present(ConsoleView.render(listOnly, theme: .dark).buffer)
            let listBytes = pty.drainOutput().count
            // A fresh screen, for scale: what a full repaint of the same frame costs.
            terminal.stop()
            try terminal.start()
            _ = pty.drainOutput()
            try terminal.present(afterFrame)
            let repaintBytes = pty.drainOutput().count
            print(
                String(
                    format: "%.3f %.4f %d %.1f %d %d %d", firstFrame, perKey, bytes, Self.peakResidentMegabytes(),
                    changedCells, listBytes, repaintBytes))
        }
    }

    /// VmHWM from /proc: the most resident memory this process ever had.
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
