/// The parts of a style a theme file names; unnamed parts keep the base theme's value,
/// which is what lets a theme override only what it mentions.
public struct StyleOverride: Hashable, Sendable {
    public var foreground: ColorSpec?
    public var background: ColorSpec?
    public var bold: Bool?
    public var underline: Bool?
    public var reverse: Bool?
    public var dim: Bool?

    public init(
        foreground: ColorSpec? = nil,
        background: ColorSpec? = nil,
        bold: Bool? = nil,
        underline: Bool? = nil,
        reverse: Bool? = nil,
        dim: Bool? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// `base` with the named parts replaced.
    public func applied(to base: Style) -> Style {
        var style = base
        if let foreground { style.foreground = foreground }
        if let background { style.background = background }
        for (flag, attribute) in [
            (bold, TextAttributes.bold), (underline, .underline), (reverse, .reverse), (dim, .dim),
        ] {
            guard let flag else { continue }
            if flag { style.attributes.insert(attribute) } else { style.attributes.remove(attribute) }
        }
        return style
    }
}
