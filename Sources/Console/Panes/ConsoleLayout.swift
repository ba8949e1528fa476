import TerminalUI

/// Where each part of the screen goes for a terminal size. Four panes when there is room,
/// incidents and timeline alone on small terminals, and a plain message when too small.
public struct ConsoleLayout: Equatable, Sendable {
    public static let minimumSize = Size(width: 50, height: 12)

    public var statusBar: Rect
    public var commandLine: Rect
    public var incidents: Rect
    public var timeline: Rect
    public var runbook: Rect?
    public var health: Rect?
    public var isTooSmall: Bool

    /// `runbookExpanded` (a run is driven from the runbook pane) gives that pane most of the
    /// right-hand column, so a step's card and output have room; health keeps a few rows.
    public init(size: Size, runbookExpanded: Bool = false) {
        let width = max(0, size.width)
        let height = max(0, size.height)
        isTooSmall = width < Self.minimumSize.width || height < Self.minimumSize.height
        statusBar = Rect(x: 0, y: 0, width: width, height: 1)
        commandLine = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        let body = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        // Incidents always run across the top, where a list needs width for titles; the timeline
        // takes the rest, with runbook and health beside it when there is room.
        if width >= 100, height >= 28 {
            let incidentsHeight = max(7, body.height * 3 / 10)
            let lowerY = body.y + incidentsHeight
            let lowerHeight = body.height - incidentsHeight
            let timelineWidth = width * 3 / 5
            let runbookHeight = runbookExpanded ? lowerHeight * 3 / 4 : lowerHeight * 11 / 20
            incidents = Rect(x: 0, y: body.y, width: width, height: incidentsHeight)
            timeline = Rect(x: 0, y: lowerY, width: timelineWidth, height: lowerHeight)
            runbook = Rect(x: timelineWidth, y: lowerY, width: width - timelineWidth, height: runbookHeight)
            health = Rect(
                x: timelineWidth, y: lowerY + runbookHeight, width: width - timelineWidth,
                height: lowerHeight - runbookHeight)
        } else {
            let incidentsHeight = max(4, body.height * 2 / 5)
            incidents = Rect(x: 0, y: body.y, width: width, height: incidentsHeight)
            timeline = Rect(x: 0, y: body.y + incidentsHeight, width: width, height: body.height - incidentsHeight)
        }
    }

    /// The panes shown at this size, in Tab order.
    public var visiblePanes: [ConsolePane] {
        ConsolePane.allCases.filter { rect(for: $0) != nil }
    }

    public func rect(for pane: ConsolePane) -> Rect? {
        switch pane {
        case .incidents: incidents
        case .timeline: timeline
        case .runbook: runbook
        case .health: health
        }
    }

    /// Rows available inside a pane's border.
    public func contentRows(of pane: ConsolePane) -> Int {
        max(1, (rect(for: pane)?.height ?? 2) - 2)
    }

    public func contentWidth(of pane: ConsolePane) -> Int {
        max(1, (rect(for: pane)?.width ?? 2) - 2)
    }
}
