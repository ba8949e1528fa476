import Foundation
import IncidentCore
import TerminalUI

/// The only place console state changes. Pure: no I/O and no clock; it returns the effects the
/// runtime should perform, whose results come back as events.
public enum ConsoleReducer {
    /// Timeline entries read per page; a screen never needs more than a few dozen.
    public static let pageSize = 200

    /// What to do when the console opens.
    public static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        [.loadIncidents(includeInactive: state.showAllIncidents), .runbook(.loadLibrary)]
    }

    public static func apply(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [ConsoleEffect] {
        switch event {
        case .resized(let size):
            state.size = size
            if !state.layout.visiblePanes.contains(state.focus) { state.focus = .incidents }
            HandoffScreenReducer.resized(&state)
            clampIncidentList(&state)
            return []
        case .tick(let now):
            state.now = now
            if let notice = state.notice, notice.expiresAt <= now { state.notice = nil }
            return []
        case .incidentsLoaded(let incidents):
            let previous = state.pendingSelection ?? state.selectedIncident?.incident.key
            state.pendingSelection = nil
            state.incidents = incidents
            let visible = state.visibleIncidents
            let index = previous.flatMap { key in visible.firstIndex { $0.incident.key == key } }
            state.incidentList.select(
                index ?? (visible.isEmpty ? nil : min(state.incidentList.selection ?? 0, visible.count - 1)),
                itemCount: visible.count, visibleRows: incidentRows(state))
            return selectionChanged(&state)
        case .timelineLoaded(let page):
            return timelineLoaded(&state, page)
        case .healthUpdated(let statuses):
            state.health = statuses
            state.healthList.select(
                state.healthList.selection ?? (statuses.isEmpty ? nil : 0), itemCount: statuses.count,
                visibleRows: state.layout.contentRows(of: .health))
            return []
        case .contextLoaded(let context):
            guard context.key == state.selectedIncident?.incident.key else { return [] }
            state.context = context
            return []
        case .storeChanged:
            var effects: [ConsoleEffect] = [.loadIncidents(includeInactive: state.showAllIncidents)]
            if let key = state.timeline.key {
                effects.append(
                    .loadTimeline(key: key, request: .after(sequence: state.timeline.lastSequence, limit: 1000)))
            }
            effects.append(.loadContext(key: state.selectedIncident?.incident.key))
            return effects + HandoffScreenReducer.storeChanged(state)
        case .storeConnection(let problem):
            let recovered = state.storeProblem != nil && problem == nil
            // The flag says writes are refused; the notice says why, once, when it starts.
            if let problem, state.storeProblem == nil { state.notice = Notice(problem, level: .error, now: state.now) }
            state.storeProblem = problem
            return recovered ? apply(&state, .storeChanged) : []
        case .actionSucceeded(let message, let selectKey):
            state.notice = Notice(message, level: .info, now: state.now)
            state.pendingSelection = selectKey
            return apply(&state, .storeChanged)
        case .actionFailed(let message):
            state.notice = Notice(message, level: .error, now: state.now)
            return []
        case .runbook(let event):
            return runbookEvent(&state, event)
        case .handoff(let event):
            return HandoffScreenReducer.apply(&state, event)
        case .insightsLoaded(let stats):
            return InsightsReducer.loaded(&state, stats)
        case .insightsFailed(let problem):
            return InsightsReducer.failed(&state, problem)
        case .key(let key):
            if let effects = runbookKey(&state, key) { return effects }
            switch state.mode {
            case .normal: return normalKey(&state, key)
            case .help(let offset): return helpKey(&state, key, offset: offset)
            case .input(let purpose, let field): return inputKey(&state, key, purpose: purpose, field: field)
            case .handoff(let screen): return HandoffScreenReducer.key(&state, key, screen)
            case .handoffLog(let log): return HandoffScreenReducer.logKey(&state, key, log)
            case .insights(let screen): return InsightsReducer.key(&state, key, screen)
            }
        }
    }

    // MARK: - Keys

    static func normalKey(_ state: inout ConsoleState, _ key: KeyPress) -> [ConsoleEffect] {
        guard let action = KeyBindings.action(for: key) else { return [] }
        let panes = state.layout.visiblePanes
        switch action {
        case .quit:
            return requestQuit(&state)
        case .help:
            state.mode = .help(scrollOffset: 0)
        case .nextPane, .previousPane:
            let index = panes.firstIndex(of: state.focus) ?? 0
            let step = action == .nextPane ? 1 : panes.count - 1
            state.focus = panes[(index + step) % panes.count]
        case .focusLeft:
            state.focus = .incidents
        case .open where state.focus == .health:
            if let index = state.healthList.selection, state.health.indices.contains(index) {
                state.notice = Notice(checkDetail(state.health[index]), level: .info, now: state.now)
            }
        case .focusRight, .open:
            state.focus = .timeline
        case .back:
            if state.focus == .incidents, !state.filter.isEmpty {
                state.filter = ""
                clampIncidentList(&state)
                return selectionChanged(&state)
            }
            state.focus = .incidents
        case .moveDown, .moveUp, .pageDown, .pageUp:
            let down = action == .moveDown || action == .pageDown
            let paging = action == .pageDown || action == .pageUp
            if state.focus == .health {
                let rows = state.layout.contentRows(of: .health)
                state.healthList.moveSelection(
                    by: (paging ? max(1, rows - 1) : 1) * (down ? 1 : -1), itemCount: state.health.count,
                    visibleRows: rows)
                return []
            }
            if state.focus == .timeline {
                let rows = state.layout.contentRows(of: .timeline)
                return scrollTimeline(&state, by: (paging ? max(1, rows - 1) : 1) * (down ? -1 : 1))
            }
            let count = state.visibleIncidents.count
            if paging {
                state.incidentList.page(down ? 1 : -1, itemCount: count, visibleRows: incidentRows(state))
            } else {
                state.incidentList.moveSelection(by: down ? 1 : -1, itemCount: count, visibleRows: incidentRows(state))
            }
            return selectionChanged(&state)
        case .follow:
            state.timeline.scrollBack = 0
        case .filter:
            state.mode = .input(.filter, TextField(text: state.filter, visibleWidth: inputWidth(state, .filter)))
        case .commandLine:
            state.mode = .input(.command, TextField(visibleWidth: inputWidth(state, .command)))
        case .addNote, .addDecision, .addComms:
            guard state.selectedIncident != nil else {
                state.notice = Notice("Select an incident first (or declare one with D)", level: .error, now: state.now)
                return []
            }
            let kind: TimelineKind = action == .addNote ? .note : action == .addDecision ? .decision : .comms
            state.mode = .input(.entry(kind), TextField(visibleWidth: inputWidth(state, .entry(kind))))
        case .declare:
            if state.focus == .health, let index = state.healthList.selection, state.health.indices.contains(index) {
                openCommand(&state, declaration(from: state.health[index]))
            } else {
                openCommand(&state, "declare P2 ")
            }
        case .changeStatus: openCommand(&state, "status ")
        case .changeSeverity: openCommand(&state, "sev ")
        case .assignRole: openCommand(&state, "assign ")
        case .addAction: openCommand(&state, "action add ")
        case .completeAction: openCommand(&state, "action done ")
        case .editField: openCommand(&state, "edit ")
        case .handoff:
            return HandoffScreenReducer.open(&state)
        case .acknowledgeHandoff:
            return [.perform(.acknowledgeHandoff)]
        case .handoffLog:
            return [.handoff(.loadLog)]
        case .insights:
            return InsightsReducer.open(&state, words: [])
        case .writePostmortem:
            guard let key = state.selectedIncident?.incident.key else {
                state.notice = Notice("Select an incident first", level: .error, now: state.now)
                return []
            }
            return [.perform(.writePostmortem(key: key))]
        case .toggleAllIncidents:
            state.showAllIncidents.toggle()
            state.notice = Notice(
                state.showAllIncidents ? "Showing all incidents" : "Showing open incidents", level: .info,
                now: state.now)
            return [.loadIncidents(includeInactive: state.showAllIncidents)]
        case .toggleLocalTime:
            state.showLocalTime.toggle()
        case .attachRunbook:
            return attachRunbookKey(&state)
        case .confirmStep, .skipStep, .stopRun, .cancelStep, .continueRun, .retryStep:
            break
        case .refresh:
            var effects: [ConsoleEffect] = [.loadIncidents(includeInactive: state.showAllIncidents)]
            if let key = state.timeline.key { effects.append(.loadTimeline(key: key, request: .tail(limit: pageSize))) }
            return effects
        }
        return []
    }

    /// One line on a check's last result: which conditions failed, or that all passed.
    static func checkDetail(_ status: HealthCheckStatus) -> String {
        guard let sample = status.lastSample else { return "\(status.check.key): not probed yet" }
        if let error = sample.error { return "\(status.check.key) \(status.state.rawValue): \(error)" }
        let failed = sample.failedConditions.map(\.resolved)
        if failed.isEmpty {
            return
                "\(status.check.key) \(status.state.rawValue): all \(sample.conditionResults.count) conditions passed"
        }
        return "\(status.check.key) \(status.state.rawValue): failed " + failed.joined(separator: "; ")
    }

    /// `declare P2 NAME is failing --service SERVICE`, prefilled from a failing check.
    static func declaration(from status: HealthCheckStatus) -> String {
        var text = "declare P2 \(status.check.name) is \(status.state == .down ? "down" : "failing")"
        if let evidence = status.lastSample?.evidence, !evidence.isEmpty, status.lastSample?.isUp == false {
            text += ": \(evidence)"
        }
        if let service = status.check.service { text += " --service \(service)" }
        return text
    }

    static func openCommand(_ state: inout ConsoleState, _ text: String) {
        var field = TextField(visibleWidth: inputWidth(state, .command))
        field.setText(text)
        state.mode = .input(.command, field)
    }

    static func helpKey(_ state: inout ConsoleState, _ key: KeyPress, offset: Int) -> [ConsoleEffect] {
        switch key {
        case .escape, .character("?"), .character("q"), .enter:
            state.mode = .normal
        case .down, .character("j"):
            state.mode = .help(scrollOffset: offset + 1)
        case .up, .character("k"):
            state.mode = .help(scrollOffset: max(0, offset - 1))
        case .pageDown, .control("d"):
            state.mode = .help(scrollOffset: offset + max(1, state.size.height / 2))
        case .pageUp, .control("u"):
            state.mode = .help(scrollOffset: max(0, offset - max(1, state.size.height / 2)))
        default:
            break
        }
        return []
    }

    static func inputKey(_ state: inout ConsoleState, _ key: KeyPress, purpose: InputPurpose, field: TextField)
        -> [ConsoleEffect]
    {
        var field = field
        switch key {
        case .escape:
            state.mode = .normal
            if case .runbookAnswer = purpose { return runbookAnswerCancelled(&state) }
            if purpose == .filter {
                state.filter = ""
                clampIncidentList(&state)
                return selectionChanged(&state)
            }
            return []
        case .enter:
            state.mode = .normal
            return submit(&state, purpose: purpose, text: field.text)
        case .tab where purpose == .command:
            let completion = CommandLineParser.complete(field.text, runbooks: state.runbooks.names)
            field.setText(completion.text)
            if completion.candidates.count > 1 {
                state.notice = Notice(completion.candidates.joined(separator: "  "), level: .info, now: state.now)
            }
            state.mode = .input(purpose, field)
            return []
        default:
            _ = field.handle(key)
            state.mode = .input(purpose, field)
            if purpose == .filter, state.filter != field.text {
                state.filter = field.text
                state.incidentList.select(0, itemCount: state.visibleIncidents.count, visibleRows: incidentRows(state))
                return selectionChanged(&state)
            }
            return []
        }
    }

    static func submit(_ state: inout ConsoleState, purpose: InputPurpose, text: String) -> [ConsoleEffect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch purpose {
        case .filter:
            state.filter = trimmed
            return []
        case .entry(let kind):
            guard !trimmed.isEmpty, let key = state.selectedIncident?.incident.key else { return [] }
            return [.perform(.note(key: key, text: trimmed, kind: kind))]
        case .runbookAnswer:
            return runbookAnswer(&state, text)
        case .command:
            guard !trimmed.isEmpty else { return [] }
            switch CommandLineParser.parse(trimmed, key: state.selectedIncident?.incident.key) {
            case .success(.store(let action)):
                return [.perform(action)]
            case .success(.toggleAll):
                return normalKey(&state, .character("o"))
            case .success(.help):
                state.mode = .help(scrollOffset: 0)
                return []
            case .success(.quit):
                return requestQuit(&state)
            case .success(.insights(let words)):
                return InsightsReducer.open(&state, words: words)
            case .success(.attachRunbook(let nameOrPath, let key, let restart)):
                return attachRunbook(&state, nameOrPath: nameOrPath, key: key, restart: restart)
            case .failure(let error):
                state.notice = Notice(error.message, level: .error, now: state.now)
                var field = TextField(visibleWidth: inputWidth(state, .command))
                field.setText(text)
                state.mode = .input(.command, field)
                return []
            }
        }
    }

    // MARK: - Incidents and timeline

    /// Rows for incidents inside the pane: the border and the column header take three.
    static func incidentRows(_ state: ConsoleState) -> Int {
        max(1, state.layout.contentRows(of: .incidents) - 1)
    }

    static func inputWidth(_ state: ConsoleState, _ purpose: InputPurpose) -> Int {
        max(1, state.size.width - DisplayWidth.of(purpose.label) - 1)
    }

    static func clampIncidentList(_ state: inout ConsoleState) {
        let count = state.visibleIncidents.count
        state.incidentList.select(
            state.incidentList.selection ?? (count > 0 ? 0 : nil), itemCount: count, visibleRows: incidentRows(state))
    }

    /// Starts reading the newly selected incident's timeline when the selection moved.
    static func selectionChanged(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let key = state.selectedIncident?.incident.key
        guard key != state.timeline.key else { return [] }
        state.timeline = TimelineWindow.empty
        state.timeline.key = key
        state.context.runbook = nil
        state.context.key = key
        guard let key else { return [.loadContext(key: nil)] }
        return [.loadTimeline(key: key, request: .tail(limit: pageSize)), .loadContext(key: key)]
    }

    static func timelineLayout(_ state: ConsoleState) -> TimelineLayout {
        TimelineLayout(
            width: state.layout.contentWidth(of: .timeline),
            offsetSeconds: state.showLocalTime ? state.localOffsetSeconds : 0)
    }

    /// Scrolls by display rows (positive is back in time), reading an older page when the
    /// loaded window runs out.
    static func scrollTimeline(_ state: inout ConsoleState, by delta: Int) -> [ConsoleEffect] {
        let rows = state.layout.contentRows(of: .timeline)
        state.timeline.scrollBack = max(0, state.timeline.scrollBack + delta)
        let needed = state.timeline.scrollBack + rows * 2
        let tail = timelineLayout(state).tail(state.timeline.entries, rows: needed)
        state.timeline.scrollBack = min(state.timeline.scrollBack, max(0, tail.lines.count - rows))
        if tail.exhausted, state.timeline.hasOlder, !state.timeline.isLoadingOlder, let key = state.timeline.key {
            state.timeline.isLoadingOlder = true
            return [
                .loadTimeline(key: key, request: .before(sequence: state.timeline.firstSequence, limit: pageSize))
            ]
        }
        return []
    }

    static func timelineLoaded(_ state: inout ConsoleState, _ page: TimelinePage) -> [ConsoleEffect] {
        guard page.key == state.timeline.key else { return [] }
        state.timeline.totalCount = page.totalCount
        switch page.request {
        case .tail:
            state.timeline.entries = page.entries
            state.timeline.scrollBack = 0
            state.timeline.isLoadingOlder = false
        case .before:
            let first = state.timeline.firstSequence
            state.timeline.entries.insert(contentsOf: page.entries.filter { $0.sequence < first }, at: 0)
            state.timeline.isLoadingOlder = false
        case .after(_, let limit):
            let last = state.timeline.lastSequence
            let fresh = page.entries.filter { $0.sequence > last }
            if !state.timeline.isFollowing {
                let layout = timelineLayout(state)
                state.timeline.scrollBack += fresh.reduce(0) { $0 + layout.lines(for: $1).count }
            }
            state.timeline.entries.append(contentsOf: fresh)
            if page.entries.count >= limit, let key = state.timeline.key {
                return [.loadTimeline(key: key, request: .after(sequence: state.timeline.lastSequence, limit: limit))]
            }
        }
        return []
    }
}
