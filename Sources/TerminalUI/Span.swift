/// A run of text in one style; lines of spans let a list row mix colours (e.g. severity).
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public var displayWidth: Int { DisplayWidth.of(text) }
}
