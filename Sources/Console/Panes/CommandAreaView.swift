import TerminalUI

/// The bottom line: the text prompt when typing, otherwise the latest notice or key hints.
enum CommandAreaView {
    static let hints =
        "? help  : command  n note  d decision  s status  S sev  a assign  D declare  R runbook  / filter  q quit"

    /// Returns where the text cursor goes when a prompt is open.
    static func render(_ state: ConsoleState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) -> Point? {
        buffer.fill(area, with: Cell(" ", style: theme[.text]))
        if case .input(let purpose, let field) = state.mode {
            let label = purpose.label
            let labelWidth = buffer.write(label, x: area.minX, y: area.minY, style: theme[.prompt]) - area.minX
            var sized = field
            sized.visibleWidth = max(1, area.width - labelWidth - 1)
            let cursor = sized.render(
                into: &buffer, at: Point(x: area.minX + labelWidth, y: area.minY), style: theme[.input])
            if let notice = state.notice, notice.level == .error {
                let text = "  " + notice.text
                let width = DisplayWidth.of(text)
                let start = area.maxX - width
                if start > area.minX + labelWidth + DisplayWidth.of(field.text) + 2 {
                    buffer.write(text, x: start, y: area.minY, style: theme[.error])
                }
            }
            return cursor
        }
        if let notice = state.notice {
            buffer.write(
                notice.text, x: area.minX + 1, y: area.minY, style: theme[notice.level == .error ? .error : .notice],
                maxWidth: area.width - 1)
        } else {
            buffer.write(hints, x: area.minX + 1, y: area.minY, style: theme[.dim], maxWidth: area.width - 1)
        }
        return nil
    }
}
