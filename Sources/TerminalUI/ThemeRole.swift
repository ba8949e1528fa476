/// What a piece of the screen means (a severity, a selected row, an error), as opposed to
/// how it looks; themes map roles to styles, and the raw value is the name in theme files.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    case text
    case dim
    case emphasis
    case paneBorder
    case paneBorderFocused
    case paneTitle
    case paneTitleFocused
    case columnHeader
    case selection
    case selectionUnfocused
    case statusBar
    case statusBarEmphasis
    case prompt
    case input
    case placeholder
    case error
    case warning
    case notice
    case helpKey
    case helpText
    case severityP0 = "severity.P0"
    case severityP1 = "severity.P1"
    case severityP2 = "severity.P2"
    case severityP3 = "severity.P3"
    case statusDetected = "status.detected"
    case statusAcknowledged = "status.acknowledged"
    case statusInvestigating = "status.investigating"
    case statusMitigated = "status.mitigated"
    case statusResolved = "status.resolved"
    case statusClosed = "status.closed"
    case healthUp = "health.up"
    case healthDown = "health.down"
    case healthUnknown = "health.unknown"
    case stepPending = "step.pending"
    case stepRunning = "step.running"
    case stepSucceeded = "step.succeeded"
    case stepFailed = "step.failed"
    case stepSkipped = "step.skipped"
    case timelineNote = "timeline.note"
    case timelineDecision = "timeline.decision"
    case timelineStatus = "timeline.status"
    case timelineSeverity = "timeline.severity"
    case timelineRole = "timeline.role"
    case timelineActionItem = "timeline.actionItem"
    case timelineRunbookStep = "timeline.runbookStep"
    case timelineCommandOutput = "timeline.commandOutput"
    case timelineHealth = "timeline.health"
    case timelineHandoff = "timeline.handoff"
    case timelineAlert = "timeline.alert"
    case timelineComms = "timeline.comms"

    /// The theme-file name, e.g. `severity.P0`.
    public var name: String { rawValue }

    /// Looks a role up by its theme-file name.
    public init?(name: String) {
        self.init(rawValue: name)
    }

    /// The role to inherit from when a theme does not name this one, so a minimal theme still
    /// styles everything sensibly (a focused border looks like a border, a note like text).
    public var fallback: ThemeRole? {
        switch self {
        case .text: nil
        case .paneBorderFocused: .paneBorder
        case .paneTitleFocused: .paneTitle
        case .selectionUnfocused: .selection
        case .statusBarEmphasis: .statusBar
        case .placeholder: .dim
        case .input, .helpText: .text
        case .helpKey: .emphasis
        default: .text
        }
    }

    /// The role for a severity name such as `P0`; nil for names outside P0–P3.
    public static func severity(_ name: String) -> ThemeRole? {
        ThemeRole(rawValue: "severity." + name.uppercased())
    }

    /// The role for a status name such as `mitigated`.
    public static func status(_ name: String) -> ThemeRole? {
        ThemeRole(rawValue: "status." + name.lowercased())
    }

    /// The role for a timeline entry kind such as `note` or `actionItem`.
    public static func timeline(_ kind: String) -> ThemeRole? {
        ThemeRole(rawValue: "timeline." + kind)
    }
}
