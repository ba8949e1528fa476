import Foundation
import IncidentCore
import TerminalUI

/// Draws the handoff screen over the whole terminal: the form and the notes editor on the
/// left, the report as it would be frozen now on the right. Pure, like every view.
enum HandoffScreenView {
    static let hints = "Ctrl-D hand over · Tab field · Ctrl-T command · PgUp/PgDn report · Esc cancel"

    /// Returns where the terminal cursor goes: in the focused text control, or nowhere.
    static func render(_ state: ConsoleState, _ screen: HandoffScreen, into buffer: inout ScreenBuffer, theme: Theme)
        -> Point?
    {
        let layout = HandoffScreenLayout(size: state.size)
        buffer.fill(buffer.bounds, with: Cell(" ", style: theme[.text]))
        let bar = theme[.statusBar]
        buffer.fill(layout.title, with: Cell(" ", style: bar))
        buffer.write(
            [
                Span(" Shift handoff ", style: theme[.statusBarEmphasis]),
                Span(" from \(state.user) · the report below is frozen when you press Ctrl-D ", style: bar),
            ], x: 0, y: 0, maxWidth: layout.title.width)

        var cursor: Point?
        let labelStyle = theme[.prompt]
        let focused = theme[.paneTitleFocused]
        let width = HandoffScreenLayout.labelWidth
        buffer.write(
            " To:", x: 0, y: layout.recipientRow, style: screen.focus == .recipient ? focused : labelStyle)
        let fieldPoint = screen.recipient.render(
            into: &buffer, at: Point(x: width, y: layout.recipientRow), style: theme[.input])
        if screen.focus == .recipient { cursor = fieldPoint }
        if screen.recipient.isEmpty {
            buffer.write(
                "who takes over", x: width, y: layout.recipientRow, style: theme[.placeholder],
                maxWidth: layout.recipientWidth)
        }

        buffer.write(
            " Command:", x: 0, y: layout.transferRow, style: screen.focus == .transfer ? focused : labelStyle)
        let box = screen.transfersCommand ? "[x]" : "[ ]"
        let room = layout.formWidth - width
        let full = "\(box) transfer command to them (Ctrl-T)"
        buffer.write(
            DisplayWidth.of(full) <= room ? full : "\(box) transfer command", x: width, y: layout.transferRow,
            style: screen.focus == .transfer ? theme[.selection] : theme[.text], maxWidth: room)
        if screen.focus == .transfer { cursor = Point(x: width + 1, y: layout.transferRow) }

        let matches = screen.matchingPeople
        if !matches.isEmpty {
            buffer.write(
                "Known: " + matches.joined(separator: ", ") + (screen.focus == .recipient ? " (Tab completes)" : ""),
                x: width, y: layout.peopleRow, style: theme[.dim], maxWidth: layout.formWidth - width)
        }

        let notes = screen.notes
        var title = "Notes"
        if notes.lineCount > 1 || notes.isScrolledDown { title += " · line \(notes.cursorLine + 1)/\(notes.lineCount)" }
        if notes.isScrolledDown && notes.hasRowsBelow {
            title += " ↕"
        } else if notes.isScrolledDown {
            title += " ↑"
        } else if notes.hasRowsBelow {
            title += " ↓"
        }
        let notesArea = Pane(title: title, isFocused: screen.focus == .notes).render(
            into: &buffer, area: layout.notes, theme: theme)
        let notesCursor = notes.render(into: &buffer, area: notesArea, style: theme[.text])
        if notes.isEmpty && screen.focus != .notes {
            let placeholder = WordWrap.lines(
                "What to watch, what you tried, who to call. Enter starts a new line.", width: notesArea.width)
            for (row, line) in placeholder.prefix(notesArea.height).enumerated() {
                buffer.write(
                    line, x: notesArea.minX, y: notesArea.minY + row, style: theme[.placeholder],
                    maxWidth: notesArea.width)
            }
        }
        if screen.focus == .notes { cursor = notesCursor }

        renderPreview(screen, layout: layout, into: &buffer, theme: theme)

        if screen.confirmingDiscard {
            buffer.write(
                " Discard the notes you typed? y discards, any other key goes back to editing", x: 0,
                y: layout.messageRow, style: theme[.warning], maxWidth: state.size.width)
            cursor = nil
        } else if let error = screen.error {
            buffer.write(" " + error, x: 0, y: layout.messageRow, style: theme[.error], maxWidth: state.size.width)
        } else if screen.isSubmitting {
            buffer.write(" Recording the handoff…", x: 0, y: layout.messageRow, style: theme[.notice])
        }
        buffer.write(" " + hints, x: 0, y: layout.hintRow, style: theme[.dim], maxWidth: state.size.width)
        return cursor
    }

    /// The preview shows the recipient and the command transfer as typed, so what is read here
    /// is what the incoming engineer will read.
    static func renderPreview(
        _ screen: HandoffScreen, layout: HandoffScreenLayout, into buffer: inout ScreenBuffer, theme: Theme
    ) {
        guard layout.preview.width >= 10 else { return }
        var title = "Report to hand over"
        if let generatedAt = screen.preview?.generatedAt {
            title += " · as of \(HandoffReportLines.clock(generatedAt)) UTC"
        }
        let area = Pane(title: title).render(into: &buffer, area: layout.preview, theme: theme)
        guard var report = screen.preview else {
            buffer.write("Reading the store…", x: area.minX, y: area.minY, style: theme[.dim], maxWidth: area.width)
            return
        }
        report.to = screen.request.to
        report.transfersCommand = screen.transfersCommand
        let lines = HandoffReportLines.lines(report, width: area.width)
        let offset = min(screen.previewScroll, max(0, lines.count - area.height))
        for (row, line) in lines.dropFirst(offset).prefix(area.height).enumerated() {
            buffer.write(line.text, x: area.minX, y: area.minY + row, style: theme[line.role], maxWidth: area.width)
        }
        if lines.count > area.height {
            let more = " \(offset + 1)–\(min(lines.count, offset + area.height)) of \(lines.count) "
            buffer.write(
                more, x: layout.preview.maxX - 2 - DisplayWidth.of(more), y: layout.preview.maxY - 1,
                style: theme[.paneTitle])
        }
    }
}
