import BenchSupport
import CNCurses
import Glibc
import Testing

@testable import CursesBackend
@testable import TerminalUI

/// Drives the real ncurses backend headless on a pseudo-terminal. Serialized: curses and the
/// signal handlers are process-wide, so only one terminal can be started at a time.
@Suite(.serialized) struct CursesTerminalTests {
    private func withTerminal(
        type: String = "xterm-256color",
        size: Size = Size(width: 40, height: 10),
        disableColors: Bool = false,
        handleSignals: Bool = false,
        _ body: (CursesTerminal, PseudoTerminal) throws -> Void
    ) throws {
        let pty = try PseudoTerminal(size: size)
        let terminal = CursesTerminal(
            input: pty.secondary, output: pty.secondary, terminalType: type, disableColors: disableColors,
            handleSignals: handleSignals)
        try terminal.start()
        defer { terminal.stop() }
        try body(terminal, pty)
    }

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func unknownTerminalTypeIsAPoliteError() {
        let terminal = CursesTerminal(input: STDIN_FILENO, output: STDOUT_FILENO, terminalType: "no-such-terminal-xyz")
        #expect(throws: CursesError.unknownTerminal("no-such-terminal-xyz")) { try terminal.start() }
        #expect(!terminal.isActive)
        #expect(CursesError.unknownTerminal("x").description.contains("unknown terminal type 'x'"))
        #expect(throws: CursesError.unknownTerminal("")) {
            try CursesTerminal(terminalType: "").start()
        }
    }

    @Test func startsOnTheAlternateScreenAndStopsBack() throws {
        let pty = try PseudoTerminal(size: Size(width: 30, height: 8))
        let terminal = CursesTerminal(
            input: pty.secondary, output: pty.secondary, terminalType: "xterm-256color", disableColors: false)
        try terminal.start()
        #expect(terminal.isActive)
        #expect(terminal.size == Size(width: 30, height: 8))
        #expect(terminal.colorDepth == .colors256)
        #expect(text(pty.drainOutput()).contains("\u{1B}[?1049h"))
        #expect(throws: CursesError.alreadyActive) {
            try CursesTerminal(input: pty.secondary, output: pty.secondary, terminalType: "xterm").start()
        }
        terminal.stop()
        terminal.stop()
        #expect(!terminal.isActive)
        #expect(text(pty.drainOutput()).contains("\u{1B}[?1049l"))
        try terminal.start()
        terminal.stop()
    }

    @Test func colourDepthFollowsTheTerminalAndNoColor() throws {
        try withTerminal(type: "xterm") { terminal, _ in #expect(terminal.colorDepth == .colors8) }
        try withTerminal(type: "xterm-mono") { terminal, _ in #expect(terminal.colorDepth == .monochrome) }
        try withTerminal(disableColors: true) { terminal, _ in #expect(terminal.colorDepth == .monochrome) }
    }

    @Test func presentWritesOnlyWhatChanged() throws {
        try withTerminal { terminal, pty in
            _ = pty.drainOutput()
            var frame = ScreenBuffer(size: terminal.size)
            frame.write("INC-1 database 障害", x: 2, y: 1, style: Theme.dark[.severityP0])
            try terminal.present(frame)
            let first = text(pty.drainOutput())
            #expect(first.contains("INC-1 database 障害"))
            #expect(first.contains("38;5;196"), "256-colour red foreground")

            try terminal.present(frame)
            #expect(pty.drainOutput().count < 16, "an unchanged frame writes (almost) nothing")

            frame.write("X", x: 30, y: 5)
            try terminal.present(frame)
            let change = pty.drainOutput()
            #expect(text(change).contains("X"))
            #expect(change.count < 40)
        }
    }

    @Test func movingASelectionWritesFewBytes() throws {
        try withTerminal(size: Size(width: 120, height: 40)) { terminal, pty in
            func frame(selected: Int) -> ScreenBuffer {
                var buffer = ScreenBuffer(size: terminal.size)
                let rows = (0..<30).map { [Span("INC-20240101-\($0) P1 investigating checkout latency high")] }
                var state = ListViewState()
                state.select(selected, itemCount: rows.count, visibleRows: 38)
                ListView(rows: rows, state: state).render(
                    into: &buffer, area: Pane.contentArea(of: buffer.bounds), theme: .dark)
                return buffer
            }
            try terminal.present(frame(selected: 3))
            _ = pty.drainOutput()
            try terminal.present(frame(selected: 4))
            let bytes = pty.drainOutput().count
            #expect(bytes > 0)
            #expect(bytes <= 300, "selection move wrote \(bytes) bytes")
        }
    }

    @Test func cursorIsShownOnlyWhenAsked() throws {
        try withTerminal { terminal, pty in
            let frame = ScreenBuffer(size: terminal.size)
            try terminal.present(frame, cursor: Point(x: 3, y: 2))
            #expect(text(pty.drainOutput()).contains("\u{1B}[3;4H"))
            try terminal.present(frame)
            #expect(text(pty.drainOutput()).contains("\u{1B}[?25l"))
        }
    }

    @Test func decodesKeys() throws {
        try withTerminal { terminal, pty in
            func terminfo(_ name: String) -> String { String(cString: sitrep_tigetstr(name)!) }
            let cases: [(String, KeyPress)] = [
                ("a", .character("a")), ("障", .character("障")), ("\r", .enter), ("\t", .tab),
                ("\u{17}", .control("w")), ("\u{7F}", .backspace),
                (terminfo("kcuu1"), .up), (terminfo("kcud1"), .down), (terminfo("kcub1"), .left),
                (terminfo("kcuf1"), .right), (terminfo("khome"), .home), (terminfo("kend"), .end),
                (terminfo("kpp"), .pageUp), (terminfo("knp"), .pageDown), (terminfo("kdch1"), .delete),
                (terminfo("kcbt"), .backTab), (terminfo("kf1"), .function(1)), (terminfo("kf5"), .function(5)),
                ("\u{1B}b", .alt("b")), ("\u{1B}[A", .up), ("\u{1B}[1;2C", .right), ("x", .character("x")),
            ]
            for (input, expected) in cases {
                pty.send(input)
                let key = try terminal.readKey(timeout: .milliseconds(500))
                #expect(key == expected, "\(input.debugDescription)")
            }
            pty.send("\u{1B}[99q")
            let unknown = try terminal.readKey(timeout: .milliseconds(500))
            #expect(unknown == nil, "an unknown sequence is dropped whole")
            pty.send("\u{1B}")
            let escape = try terminal.readKey(timeout: .milliseconds(500))
            #expect(escape == .escape)
        }
    }

    @Test func readKeyTimesOut() throws {
        try withTerminal { terminal, _ in
            let start = ContinuousClock.now
            let key = try terminal.readKey(timeout: .milliseconds(50))
            #expect(key == nil)
            #expect(ContinuousClock.now - start < .seconds(2))
        }
    }

    @Test func resizeArrivesAsAKey() throws {
        try withTerminal { terminal, pty in
            pty.resize(to: Size(width: 60, height: 20))
            // Process-directed like the kernel's: test threads may block signals, so any thread
            // can take it and the reading thread notices on its next wake-up.
            kill(getpid(), SIGWINCH)
            var key: KeyPress?
            for _ in 0..<10 where key == nil {
                key = try terminal.readKey(timeout: .milliseconds(100))
            }
            #expect(key == .resize)
            #expect(terminal.size == Size(width: 60, height: 20))
            var frame = ScreenBuffer(size: terminal.size)
            frame.write("wider", x: 50, y: 19)
            try terminal.present(frame)
            #expect(text(pty.drainOutput()).contains("wider"))
        }
    }

    @Test func signalPathRestoresScreenAndModes() throws {
        try withTerminal(handleSignals: true) { _, pty in
            _ = pty.drainOutput()
            var modes = termios()
            tcgetattr(pty.secondary, &modes)
            #expect(modes.c_lflag & tcflag_t(ECHO) == 0, "curses turned echo off")
            CursesTerminal.restoreTerminalImmediately()
            let restored = text(pty.drainOutput())
            #expect(restored.contains("\u{1B}[?1049l"), "left the alternate screen")
            #expect(restored.contains("\u{1B}[?25h"), "cursor visible")
            tcgetattr(pty.secondary, &modes)
            #expect(modes.c_lflag & tcflag_t(ECHO) != 0, "echo restored")
            #expect(modes.c_lflag & tcflag_t(ICANON) != 0, "line mode restored")
        }
    }

    @Test func colourPairsAreReusedAndCollisionsStayVisible() throws {
        try withTerminal { _, _ in
            var table = ColorPairTable(depth: .colors8, supportsDefaultColors: true, limit: 64)
            let style = Style(foreground: .indexed(196), background: .indexed(24))
            let first = table.resolve(style)
            let second = table.resolve(style)
            #expect(first.pair == second.pair)
            #expect(first.pair > 0)
            #expect(table.count == 1)
            let hidden = Style(foreground: .indexed(252), background: .indexed(255))
            let collided = table.resolve(hidden)
            #expect(collided.pair == 0)
            #expect(collided.attributes & sitrep_attr_reverse() != 0)
            var mono = ColorPairTable(depth: .monochrome, supportsDefaultColors: true, limit: 64)
            let plain = mono.resolve(Style(foreground: .named(.red), attributes: [.bold, .underline]))
            #expect(plain.pair == 0)
            #expect(plain.attributes == sitrep_attr_bold() | sitrep_attr_underline())
        }
    }

    @Test func graphemesBecomeCursesCharacters() {
        #expect(CursesTerminal.wideCharacters(for: "a") == [97, 0])
        #expect(CursesTerminal.wideCharacters(for: "e\u{301}") == [101, 0x301, 0])
        #expect(CursesTerminal.wideCharacters(for: "👩‍💻") == [0x1F469, 0])
        #expect(CursesTerminal.key(forCode: KEY_F0 + 12) == .function(12))
        #expect(CursesTerminal.key(forCode: 0o777) == nil)
        #expect(CursesTerminal.key(forCharacter: 0x1B) == .escape)
    }
}
