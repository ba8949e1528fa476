import CNCurses
import Glibc
import TerminalUI

/// The real terminal, through ncurses: the only code in sitrep that calls curses.
///
/// `start()` takes the screen (alternate screen, cbreak, no echo, keypad) and arms signal
/// handlers that give it back on SIGINT/SIGTERM/SIGHUP and on crashes; `present(_:cursor:)`
/// writes only the cells that changed since the last frame; `readKey(timeout:)` decodes
/// input (including resizes) into `KeyPress`. Call every method from one thread: Debian's
/// ncurses is not thread-safe. Only one instance may be started at a time.
public final class CursesTerminal: TerminalDevice {
    /// Unchanged gaps up to this many cells are rewritten rather than skipped with a cursor move.
    private static let joinGap = 3

    private let inputDescriptor: Int32
    private let outputDescriptor: Int32
    private let terminalType: String
    private let colorsDisabled: Bool
    private let handlesSignals: Bool

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var lastFrame: ScreenBuffer?
    private var pairs = ColorPairTable(depth: .monochrome, supportsDefaultColors: true, limit: 0)
    private var owner: pthread_t?
    private var previousResizeAction = sigaction()

    public private(set) var colorDepth: ColorDepth = .monochrome

    /// Creates a terminal on the given descriptors (stdin/stdout by default).
    ///
    /// - Parameters:
    ///   - terminalType: the terminfo name; nil reads `TERM`.
    ///   - disableColors: force monochrome; nil follows `NO_COLOR` (set and non-empty).
    ///   - handleSignals: arm the restore-on-signal handlers; tests on a pty may turn this off.
    public init(
        input: Int32 = STDIN_FILENO,
        output: Int32 = STDOUT_FILENO,
        terminalType: String? = nil,
        disableColors: Bool? = nil,
        handleSignals: Bool = true
    ) {
        self.inputDescriptor = input
        self.outputDescriptor = output
        self.terminalType = terminalType ?? CursesTerminal.environment("TERM") ?? ""
        self.colorsDisabled = disableColors ?? !(CursesTerminal.environment("NO_COLOR") ?? "").isEmpty
        self.handlesSignals = handleSignals
    }

    deinit {
        stop()
    }

    public var isActive: Bool { screen != nil }

    public var size: Size {
        guard let window else { return Size(width: 0, height: 0) }
        return Size(width: Int(sitrep_getmaxx(window)), height: Int(sitrep_getmaxy(window)))
    }

    public func start() throws {
        guard screen == nil else { return }
        guard !CursesTerminal.claim() else { throw CursesError.alreadyActive }
        var started = false
        defer { if !started { CursesTerminal.release() } }
        guard !terminalType.isEmpty else { throw CursesError.unknownTerminal("") }
        CursesTerminal.configureLocale()
        guard sitrep_terminal_is_known(terminalType, outputDescriptor) != 0 else {
            throw CursesError.unknownTerminal(terminalType)
        }

        let inputCopy = dup(inputDescriptor)
        let outputCopy = dup(outputDescriptor)
        guard inputCopy >= 0, outputCopy >= 0, let input = fdopen(inputCopy, "r"), let output = fdopen(outputCopy, "w")
        else {
            let code = errno
            if inputCopy >= 0 { close(inputCopy) }
            if outputCopy >= 0 { close(outputCopy) }
            throw CursesError.systemCall("fdopen", errno: code)
        }
        if handlesSignals {
            sitrep_save_tty_modes(inputDescriptor)
            sitrep_remember_signal_actions()
            CursesTerminal.unblockTerminalSignals()
        }
        // Installed before newterm, which then leaves SIGWINCH to us.
        sitrep_install_resize_handler(&previousResizeAction)
        guard let newScreen = newterm(terminalType, output, input) else {
            sigaction(SIGWINCH, &previousResizeAction, nil)
            fclose(input)
            fclose(output)
            throw CursesError.unknownTerminal(terminalType)
        }
        screen = newScreen
        inputFile = input
        outputFile = output
        set_term(newScreen)
        window = sitrep_stdscr()
        owner = pthread_self()

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        leaveok(window, false)
        configureColors()
        if handlesSignals { armSignalHandlers() }
        werase(window)
        wrefresh(window)
        lastFrame = nil
        started = true
    }

    public func stop() {
        guard let screen else { return }
        assertOwner()
        curs_set(1)
        endwin()
        if handlesSignals { sitrep_uninstall_restore_handlers() }
        sigaction(SIGWINCH, &previousResizeAction, nil)
        delscreen(screen)
        if let inputFile { fclose(inputFile) }
        if let outputFile { fclose(outputFile) }
        self.screen = nil
        self.window = nil
        self.inputFile = nil
        self.outputFile = nil
        self.lastFrame = nil
        self.owner = nil
        CursesTerminal.release()
    }

    public func present(_ buffer: ScreenBuffer, cursor: Point?) throws {
        guard let window else { return }
        assertOwner()
        let target = window
        let rows = Int(sitrep_getmaxy(target))
        let columns = Int(sitrep_getmaxx(target))
        if let lastFrame, lastFrame.size != buffer.size { werase(target) }
        for run in buffer.changes(from: lastFrame, joiningGapsUpTo: CursesTerminal.joinGap) where run.y < rows {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation || x >= columns { continue }
                draw(cell, x: x, y: run.y, columns: columns, window: target)
            }
        }
        lastFrame = buffer
        if let cursor, cursor.x >= 0, cursor.x < columns, cursor.y >= 0, cursor.y < rows {
            wmove(target, Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(target)
        doupdate()
    }

    public func flushInput() {
        guard window != nil else { return }
        assertOwner()
        flushinp()
    }

    /// `raw()` turns the tty's ISIG off so Ctrl-C is read as a key; `cbreak()` turns it back on.
    public func setInterruptAsKey(_ asKey: Bool) {
        guard window != nil else { return }
        assertOwner()
        if asKey { raw() } else { cbreak() }
    }

    public func readKey(timeout: Duration) throws -> KeyPress? {
        guard let window else { return nil }
        assertOwner()
        let target = window
        if sitrep_take_resumed() != 0 { return resumeAfterStop() }
        if sitrep_take_resized() != 0 { return applyResize() }
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        wtimeout(target, Int32(clamping: max(0, milliseconds)))
        var code: wint_t = 0
        let result = wget_wch(target, &code)
        if sitrep_take_resumed() != 0 { return resumeAfterStop() }
        if sitrep_take_resized() != 0 {
            if result == OK {
                unget_wch(wchar_t(bitPattern: code))
            } else if result == KEY_CODE_YES {
                ungetch(Int32(code))
            }
            return applyResize()
        }
        switch result {
        case KEY_CODE_YES:
            let key = CursesTerminal.key(forCode: Int32(code))
            if key == .resize { forgetScreen() }
            return key
        case OK:
            if code == 27 { return readAfterEscape(window: target) }
            return CursesTerminal.key(forCharacter: UInt32(code))
        default:
            return nil
        }
    }

    /// Gives the terminal back at once using only async-signal-safe calls (the same path as
    /// the crash handlers): for last-resort exits where `stop()` cannot run. Needs
    /// `handleSignals`; `stop()` is still the normal way out.
    /// A parent may start us with terminal signals blocked (they survive exec); the console
    /// must still hear Ctrl-C, SIGTERM, SIGHUP, Ctrl-Z and resizes.
    static func unblockTerminalSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    public static func restoreTerminalImmediately() {
        sitrep_restore_terminal_now()
    }

    /// Maps curses' special key codes; nil for keys sitrep does not use.
    static func key(forCode code: Int32) -> KeyPress? {
        switch code {
        case KEY_UP, KEY_SR: .up
        case KEY_DOWN, KEY_SF: .down
        case KEY_LEFT, KEY_SLEFT: .left
        case KEY_RIGHT, KEY_SRIGHT: .right
        case KEY_HOME, KEY_SHOME: .home
        case KEY_END, KEY_LL, KEY_SEND: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_BACKSPACE: .backspace
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    /// Maps a character from `get_wch`: control codes to their keys, the rest to `.character`.
    static func key(forCharacter value: UInt32) -> KeyPress? {
        if let control = KeyPress(controlCode: value) { return control }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return .character(Character(scalar))
    }

    /// Curses attribute bits for style attributes.
    static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result = sitrep_attr_normal()
        if attributes.contains(.bold) { result |= sitrep_attr_bold() }
        if attributes.contains(.underline) { result |= sitrep_attr_underline() }
        if attributes.contains(.reverse) { result |= sitrep_attr_reverse() }
        if attributes.contains(.dim) { result |= sitrep_attr_dim() }
        return result
    }

    /// Decodes what follows an Esc that curses did not match to a key: nothing (a lone Esc,
    /// sent after `set_escdelay`), a character (Alt-x), or an escape sequence terminfo does not
    /// list, of which the common cursor keys are understood and the rest are dropped whole so
    /// their bytes never turn into typed text.
    private func readAfterEscape(window target: UnsafeMutablePointer<WINDOW>) -> KeyPress? {
        wtimeout(target, 0)
        var next: wint_t = 0
        let result = wget_wch(target, &next)
        guard result == OK else {
            if result == KEY_CODE_YES { ungetch(Int32(next)) }
            return .escape
        }
        guard next == 0x5B || next == 0x4F else {
            if let scalar = Unicode.Scalar(UInt32(next)), next >= 0x20, next != 0x7F { return .alt(Character(scalar)) }
            unget_wch(wchar_t(bitPattern: next))
            return .escape
        }
        // CSI (Esc [) or SS3 (Esc O): parameters and intermediates, then one final byte.
        var final: wint_t = 0
        while wget_wch(target, &final) == OK {
            if (0x40...0x7E).contains(final) { break }
            final = 0
        }
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x5A: return .backTab
        default: return nil
        }
    }

    /// Reads the new size from the tty, resizes curses and asks for a full redraw.
    private func applyResize() -> KeyPress {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if sitrep_get_window_size(outputDescriptor, &rows, &columns) == 0 {
            resizeterm(rows, columns)
        }
        forgetScreen()
        return .resize
    }

    /// Clears curses' copy and our last frame so the next `present` redraws everything.
    private func forgetScreen() {
        lastFrame = nil
        if let window { werase(window) }
    }

    /// After `fg`: the SIGTSTP handler gave the terminal back before stopping; re-enter curses
    /// mode (endwin then refresh makes ncurses restore program modes and the alternate screen)
    /// and ask the console for a full redraw, since the size may have changed meanwhile.
    private func resumeAfterStop() -> KeyPress {
        guard let window else { return .resize }
        let target = window
        endwin()
        clearok(sitrep_curscr(), true)
        wrefresh(target)
        if handlesSignals { armSignalHandlers() }
        return applyResize()
    }

    private func draw(_ cell: Cell, x: Int, y: Int, columns: Int, window target: UnsafeMutablePointer<WINDOW>) {
        let (attributes, pair) = pairs.resolve(cell.style)
        let ourWidth = cell.width
        var glyph = CursesTerminal.wideCharacters(for: cell.character)
        let cursesWidth = sitrep_wcwidth(glyph[0])
        var padding = 0
        if ourWidth == 2 && x + 1 >= columns {
            glyph = [wchar_t(32), 0]
        } else if cursesWidth == ourWidth {
            padding = 0
        } else if cursesWidth == 1 && ourWidth == 2 {
            // libc thinks it narrow: draw it and blank the second column so both agree on layout.
            padding = 1
        } else {
            // Unprintable in this locale, or libc thinks it wider than we do: keep the layout.
            glyph = [wchar_t(0x3F), 0]
            padding = ourWidth - 1
        }
        var value = cchar_t()
        sitrep_setcchar(&value, glyph, attributes, pair)
        mvwadd_wch(target, Int32(y), Int32(x), &value)
        if padding > 0 {
            var space = cchar_t()
            sitrep_setcchar(&space, [wchar_t(32), 0], attributes, pair)
            mvwadd_wch(target, Int32(y), Int32(x + 1), &space)
        }
    }

    /// The grapheme as curses wants it: one spacing character followed by up to four
    /// zero-width ones, NUL-terminated. Longer clusters (ZWJ emoji) keep their first scalar.
    static func wideCharacters(for character: Character) -> [wchar_t] {
        let scalars = Array(character.unicodeScalars)
        guard let first = scalars.first else { return [wchar_t(32), 0] }
        var result = [wchar_t(bitPattern: first.value)]
        for scalar in scalars.dropFirst() {
            guard result.count < 5, DisplayWidth.isZeroWidth(scalar), scalar.value != 0x200D else { break }
            result.append(wchar_t(bitPattern: scalar.value))
        }
        result.append(0)
        return result
    }

    private func configureColors() {
        let count = Int(sitrep_colors())
        guard !colorsDisabled, has_colors(), start_color() != ERR else {
            colorDepth = .monochrome
            pairs = ColorPairTable(depth: .monochrome, supportsDefaultColors: true, limit: 0)
            return
        }
        let defaults = use_default_colors() != ERR
        colorDepth = ColorDepth(colorCount: max(count, Int(sitrep_colors())))
        pairs = ColorPairTable(
            depth: colorDepth,
            supportsDefaultColors: defaults,
            limit: Int32(clamping: min(Int(sitrep_color_pairs()), 32767))
        )
    }

    /// Collects the bytes that leave curses mode and hands them to the C signal handlers.
    private func armSignalHandlers() {
        var bytes: [UInt8] = [0x18]  // CAN: aborts any escape sequence cut off mid-write.
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = sitrep_tigetstr(capability) {
                bytes.append(contentsOf: Array(String(cString: value).utf8))
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                _ = sitrep_install_restore_handlers(outputDescriptor, characters.baseAddress, characters.count, 1)
            }
        }
    }

    private func assertOwner() {
        if let owner {
            assert(pthread_equal(owner, pthread_self()) != 0, "CursesTerminal used from two threads")
        }
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// Uses the user's locale; if that is not UTF-8 only because nothing was configured,
    /// C.UTF-8 is the better guess on a modern Linux terminal.
    private static func configureLocale() {
        setlocale(LC_ALL, "")
        if sitrep_locale_is_utf8() == 0 && environment("LC_ALL") == nil && environment("LC_CTYPE") == nil
            && environment("LANG") == nil
        {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }

    /// Whether some instance holds the process's terminal and signal handlers; guarded by
    /// `activeLock` (a pthread mutex, since `Synchronization.Mutex` needs macOS 15).
    private nonisolated(unsafe) static var activeInstance = false
    private nonisolated(unsafe) static let activeLock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()

    /// Marks the process's single curses slot taken; returns true if it already was.
    private static func claim() -> Bool {
        pthread_mutex_lock(activeLock)
        defer { pthread_mutex_unlock(activeLock) }
        if activeInstance { return true }
        activeInstance = true
        return false
    }

    private static func release() {
        pthread_mutex_lock(activeLock)
        activeInstance = false
        pthread_mutex_unlock(activeLock)
    }
}
