import Foundation
import IncidentCore
import TerminalUI

/// The handoff screen's half of the reducer: opening it, its keys and the store's answers.
/// Pure like `ConsoleReducer`, which hands it everything while the screen is open.
enum HandoffScreenReducer {
    static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let screen = HandoffScreen(layout: HandoffScreenLayout(size: state.size))
        state.mode = .handoff(screen)
        return [.handoff(.preview(screen.request))]
    }

    /// The widgets follow the terminal size.
    static func resized(_ state: inout ConsoleState) {
        guard case .handoff(var screen) = state.mode else { return }
        let layout = HandoffScreenLayout(size: state.size)
        screen.recipient.visibleWidth = layout.recipientWidth
        screen.notes.visibleSize = layout.notesText.size
        state.mode = .handoff(screen)
    }

    /// Someone committed: the report would freeze something else now.
    static func storeChanged(_ state: ConsoleState) -> [ConsoleEffect] {
        guard case .handoff(let screen) = state.mode, !screen.isSubmitting else { return [] }
        return [.handoff(.preview(screen.request))]
    }

    static func apply(_ state: inout ConsoleState, _ event: HandoffEvent) -> [ConsoleEffect] {
        switch event {
        case .previewLoaded(let report):
            guard case .handoff(var screen) = state.mode else { return [] }
            screen.preview = report
            screen.people = people(state, report)
            state.mode = .handoff(screen)
            return []
        case .submitted(let handoff):
            if case .handoff = state.mode { state.mode = .normal }
            return ConsoleReducer.apply(
                &state,
                .actionSucceeded(
                    message: "Handoff #\(handoff.id) to \(handoff.to) recorded; waiting for them to acknowledge",
                    selectKey: nil))
        case .refused(let message):
            guard case .handoff(var screen) = state.mode else {
                return ConsoleReducer.apply(&state, .actionFailed(message))
            }
            screen.isSubmitting = false
            screen.error = message
            state.mode = .handoff(screen)
            return []
        case .logLoaded(let handoffs):
            state.mode = .handoffLog(HandoffLog(handoffs: handoffs))
            return []
        }
    }

    static func key(_ state: inout ConsoleState, _ key: KeyPress, _ screen: HandoffScreen) -> [ConsoleEffect] {
        var screen = screen
        if screen.confirmingDiscard {
            screen.confirmingDiscard = false
            if key == .character("y") || key == .character("Y") {
                state.mode = .normal
                state.notice = Notice("Handoff cancelled; nothing was written", level: .info, now: state.now)
            } else {
                state.mode = .handoff(screen)
            }
            return []
        }
        switch key {
        case .escape:
            if screen.notes.hasContent {
                screen.confirmingDiscard = true
                state.mode = .handoff(screen)
            } else {
                state.mode = .normal
                state.notice = Notice("Handoff cancelled; nothing was written", level: .info, now: state.now)
            }
            return []
        case .control("d"):
            return submit(&state, screen)
        case .control("t"):
            screen.transfersCommand.toggle()
        case .tab:
            if screen.focus == .recipient, let completed = completion(screen) {
                screen.recipient.setText(completed)
            } else {
                screen.focus = next(screen.focus, by: 1)
            }
        case .backTab:
            screen.focus = next(screen.focus, by: -1)
        case .pageDown:
            let area = HandoffScreenLayout(size: state.size).previewText
            let rows = screen.preview.map { HandoffReportLines.lines($0, width: area.width).count } ?? 0
            screen.previewScroll = min(screen.previewScroll + max(1, area.height - 1), max(0, rows - area.height))
        case .pageUp:
            screen.previewScroll = max(
                0, screen.previewScroll - max(1, HandoffScreenLayout(size: state.size).previewText.height - 1))
        default:
            switch screen.focus {
            case .recipient:
                if key == .enter || key == .down {
                    screen.focus = .transfer
                } else {
                    screen.recipient.handle(key)
                }
            case .transfer:
                switch key {
                case .enter, .character(" "): screen.transfersCommand.toggle()
                case .up: screen.focus = .recipient
                case .down: screen.focus = .notes
                default: break
                }
            case .notes:
                screen.notes.handle(key)
            }
        }
        screen.error = nil
        state.mode = .handoff(screen)
        return []
    }

    /// Checks what the CLI would refuse before asking the store, which checks again.
    static func submit(_ state: inout ConsoleState, _ screen: HandoffScreen) -> [ConsoleEffect] {
        var screen = screen
        guard !screen.isSubmitting else { return [] }
        let request = screen.request
        if request.to.isEmpty {
            screen.error = "Who takes over? Type the incoming engineer's name after To:"
            screen.focus = .recipient
        } else if request.to == state.user {
            screen.error = "\(state.user) cannot hand over to themselves; nothing was written"
            screen.focus = .recipient
        } else {
            screen.error = nil
            screen.isSubmitting = true
            state.mode = .handoff(screen)
            return [.handoff(.submit(request))]
        }
        state.mode = .handoff(screen)
        return []
    }

    static func next(_ field: HandoffScreen.Field, by step: Int) -> HandoffScreen.Field {
        let all = HandoffScreen.Field.allCases
        let index = all.firstIndex(of: field) ?? 0
        return all[(index + step + all.count) % all.count]
    }

    /// The longest name prefix shared by every known person matching what was typed, when it
    /// adds something; nil sends Tab on to the next field.
    static func completion(_ screen: HandoffScreen) -> String? {
        let typed = screen.recipient.text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return nil }
        let matches = screen.matchingPeople
        guard var common = matches.first else { return nil }
        for name in matches.dropFirst() {
            while !name.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        return common.count > typed.count ? common : nil
    }

    /// Everyone the console knows by name except the user: commanders, authors of recent
    /// entries, action item owners, runbook starters and the last handoff's people.
    static func people(_ state: ConsoleState, _ report: HandoffReport) -> [String] {
        var names = Set(state.incidents.compactMap(\.commander))
        for incident in report.incidents {
            if let commander = incident.commander { names.insert(commander) }
            for entry in incident.recentEntries { names.insert(entry.author) }
        }
        names.formUnion(report.actionItems.compactMap(\.owner))
        names.formUnion(report.runbookRuns.map(\.startedBy))
        if let pending = state.context.pendingHandoff {
            names.insert(pending.from)
            names.insert(pending.to)
        }
        names.remove(state.user)
        return names.filter { !$0.isEmpty && !$0.contains(" ") }.sorted()
    }
}

extension HandoffScreenReducer {
    static func logKey(_ state: inout ConsoleState, _ key: KeyPress, _ log: HandoffLog) -> [ConsoleEffect] {
        var log = log
        let page = max(1, state.size.height / 2)
        switch key {
        case .escape, .enter, .character("q"), .character("L"):
            state.mode = .normal
            return []
        case .character("K"):
            state.mode = .normal
            return [.perform(.acknowledgeHandoff)]
        case .down, .character("j"): log.scrollOffset += 1
        case .up, .character("k"): log.scrollOffset -= 1
        case .pageDown, .control("d"): log.scrollOffset += page
        case .pageUp, .control("u"): log.scrollOffset -= page
        default: break
        }
        log.scrollOffset = min(max(0, log.scrollOffset), HandoffLogView.maximumScroll(log, size: state.size))
        state.mode = .handoffLog(log)
        return []
    }
}
