import CNCurses
import TerminalUI

/// Hands out curses colour pairs on demand, one per (foreground, background) in use, because
/// terminals have a limited number and most themes use only a few dozen.
struct ColorPairTable {
    private var pairs: [Key: Int32] = [:]
    private var nextPair: Int32 = 1
    let depth: ColorDepth
    /// With `use_default_colors` -1 means "the terminal's own colour"; without it, white on black.
    let supportsDefaultColors: Bool
    let limit: Int32

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(depth: ColorDepth, supportsDefaultColors: Bool, limit: Int32) {
        self.depth = depth
        self.supportsDefaultColors = supportsDefaultColors
        self.limit = limit
    }

    /// The curses attributes and pair for a style at this table's depth. Colours that map to
    /// the same palette entry for foreground and background would hide the text, so that case
    /// falls back to the default colours in reverse video.
    mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int32) {
        var attributes = CursesTerminal.cursesAttributes(style.attributes)
        guard depth != .monochrome else { return (attributes, 0) }
        var foreground = Int32(style.foreground.paletteIndex(for: depth) ?? -1)
        var background = Int32(style.background.paletteIndex(for: depth) ?? -1)
        if foreground >= 0 && foreground == background && style.foreground != style.background {
            foreground = -1
            background = -1
            attributes |= sitrep_attr_reverse()
        }
        if !supportsDefaultColors {
            if foreground < 0 { foreground = 7 }
            if background < 0 { background = 0 }
        }
        if foreground < 0 && background < 0 { return (attributes, 0) }
        let key = Key(foreground: foreground, background: background)
        if let pair = pairs[key] { return (attributes, pair) }
        guard nextPair < limit, init_extended_pair(nextPair, foreground, background) != ERR else {
            return (attributes, 0)
        }
        pairs[key] = nextPair
        nextPair += 1
        return (attributes, pairs[key] ?? 0)
    }

    /// Pairs allocated so far; tests check that repeated styles reuse one.
    var count: Int { pairs.count }
}
