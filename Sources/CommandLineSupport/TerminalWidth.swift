import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How wide the terminal on standard output is, so charts fit it.
public enum TerminalWidth {
    /// `--width` if given, else the terminal's columns, else `$COLUMNS`, else 80.
    public static func resolve(_ requested: Int?) -> Int {
        if let requested { return requested }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }
}
