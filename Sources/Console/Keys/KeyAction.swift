/// The named things a key can do. One table maps keys to these; handling and help share it.
public enum KeyAction: String, CaseIterable, Sendable {
    case quit, help, nextPane, previousPane, focusLeft, focusRight
    case moveDown, moveUp, pageDown, pageUp, follow, open, back
    case filter, commandLine, addNote, addDecision, addComms
    case declare, changeStatus, changeSeverity, assignRole, addAction, completeAction, editField
    case handoff, acknowledgeHandoff, handoffLog, writePostmortem, insights
    case toggleAllIncidents, toggleLocalTime, refresh
    case attachRunbook, confirmStep, skipStep, stopRun, cancelStep, continueRun, retryStep
}
