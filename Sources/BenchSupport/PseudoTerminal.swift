import CPseudoTerminal
import CursesBackend
import Glibc
import TerminalUI

/// A pseudo-terminal pair for running `CursesTerminal` headless: curses gets the secondary
/// side as its tty, and tests type into and read the screen's output from the primary side,
/// the way tig's tests drive ncurses without a real terminal.
public final class PseudoTerminal {
    /// The controlling side: write here to type, read here to see what curses drew.
    public let primary: Int32
    /// The terminal side to hand to `CursesTerminal(input:output:)`.
    public let secondary: Int32

    public init(size: Size) throws {
        var primary: Int32 = -1
        var secondary: Int32 = -1
        guard sitrep_open_pty(&primary, &secondary) == 0 else { throw CursesError.systemCall("openpty", errno: errno) }
        let flags = fcntl(primary, F_GETFL)
        _ = fcntl(primary, F_SETFL, flags | O_NONBLOCK)
        self.primary = primary
        self.secondary = secondary
        resize(to: size)
    }

    deinit {
        close(secondary)
        close(primary)
    }

    /// Sets the window size the terminal reports (curses reads it at start and on resize).
    public func resize(to size: Size) {
        _ = sitrep_set_window_size(primary, UInt16(clamping: size.height), UInt16(clamping: size.width))
    }

    /// Types bytes as if from a keyboard.
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(primary, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// Everything curses has written so far and not yet read.
    public func drainOutput() -> [UInt8] {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(primary, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            output.append(contentsOf: chunk[0..<count])
        }
        return output
    }
}
