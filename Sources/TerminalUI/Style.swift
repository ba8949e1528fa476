/// How a cell looks: colours plus attributes. Plain values so buffers compare cheaply.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var foreground: ColorSpec
    public var background: ColorSpec
    public var attributes: TextAttributes

    public init(
        foreground: ColorSpec = .terminalDefault,
        background: ColorSpec = .terminalDefault,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's own colours with no attributes.
    public static let plain = Style()

    public func with(foreground: ColorSpec) -> Style {
        var copy = self
        copy.foreground = foreground
        return copy
    }

    public func with(background: ColorSpec) -> Style {
        var copy = self
        copy.background = background
        return copy
    }

    public func adding(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    /// This style drawn over `base`: a terminal-default background lets the base's show
    /// through, so text on a selected row keeps the selection colour.
    public func layered(over base: Style) -> Style {
        Style(
            foreground: foreground == .terminalDefault ? base.foreground : foreground,
            background: background == .terminalDefault ? base.background : background,
            attributes: attributes.union(base.attributes)
        )
    }

    public var description: String {
        var parts = ["fg=\(foreground)", "bg=\(background)"]
        if attributes.contains(.bold) { parts.append("bold") }
        if attributes.contains(.underline) { parts.append("underline") }
        if attributes.contains(.reverse) { parts.append("reverse") }
        if attributes.contains(.dim) { parts.append("dim") }
        return parts.joined(separator: " ")
    }
}
