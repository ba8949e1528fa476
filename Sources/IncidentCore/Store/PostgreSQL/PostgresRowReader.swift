import Foundation
import PostgresNIO

/// Reads sitrep values out of PostgreSQL rows: times in the text form the chain hashes cover,
/// enums by raw value, each failing with the column's name rather than trapping on a bad row.
struct PostgresRowReader {
    let cells: [PostgresCell]
    /// Column name to position, built once per result and shared by its rows: PostgresNIO's
    /// random-access row would build it again for every row of a 10,000-incident list.
    let columns: [String: Int]

    init(_ row: PostgresRow, columns: [String: Int]) {
        cells = Array(row)
        self.columns = columns
    }

    /// The readers for a whole result.
    static func all(_ rows: [PostgresRow]) -> [PostgresRowReader] {
        guard let first = rows.first else { return [] }
        var columns: [String: Int] = [:]
        for (index, cell) in first.enumerated() { columns[cell.columnName] = index }
        return rows.map { PostgresRowReader($0, columns: columns) }
    }

    subscript<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) -> T {
        get throws {
            guard let index = columns[column] else { throw StoreError.invalid("the result has no column \(column)") }
            do {
                return try cells[index].decode(T.self)
            } catch {
                throw StoreError.invalid("the stored \(column) cannot be read (\(error))")
            }
        }
    }

    func date(_ column: String) throws -> Date {
        guard let date = try optionalDate(column) else { throw StoreError.invalid("the stored row has no \(column)") }
        return date
    }

    func optionalDate(_ column: String) throws -> Date? {
        guard let text = try self[column, as: String?.self] else { return nil }
        guard let date = Timestamp.parseDatabase(text) else {
            throw StoreError.invalid("the stored \(column) '\(text)' is not a date sitrep wrote")
        }
        return date
    }

    func value<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        let text = try self[column, as: String.self]
        guard let value = Value(rawValue: text) else {
            throw StoreError.invalid("the stored \(column) '\(text)' is not one sitrep knows")
        }
        return value
    }

    func incident() throws -> Incident {
        Incident(
            id: try self["id"], key: try self["key"], title: try self["title"], severity: try value("severity"),
            status: try value("status"), summary: try self["summary"], impact: try self["impact"],
            rootCause: try self["root_cause"], resolution: try self["resolution"], isDrill: try self["is_drill"],
            createdBy: try self["created_by"], detectedAt: try date("detected_at"), declaredAt: try date("declared_at"),
            acknowledgedAt: try optionalDate("acknowledged_at"), mitigatedAt: try optionalDate("mitigated_at"),
            resolvedAt: try optionalDate("resolved_at"), closedAt: try optionalDate("closed_at"),
            lastEntryAt: try date("last_entry_at"), timelineCount: try self["timeline_count"],
            timelineHead: try self["timeline_head"])
    }

    func entry() throws -> TimelineEntry {
        TimelineEntry(
            id: try self["id"], incidentId: try self["incident_id"], sequence: try self["sequence"],
            kind: try value("kind"), author: try self["author"], eventAt: try date("event_at"),
            recordedAt: try date("recorded_at"), text: try self["text"], details: try self["details"],
            previousHash: try self["previous_hash"], hash: try self["hash"])
    }

    func roleAssignment() throws -> RoleAssignment {
        RoleAssignment(
            id: try self["id"], incidentId: try self["incident_id"], role: try value("role"),
            person: try self["person"], assignedAt: try date("assigned_at"), endedAt: try optionalDate("ended_at"))
    }

    func actionItem() throws -> ActionItem {
        ActionItem(
            id: try self["id"], incidentId: try self["incident_id"], title: try self["title"],
            owner: try self["owner"], dueDate: try self["due_date"], priority: try value("priority"),
            category: try value("type"), state: try value("status"), createdBy: try self["created_by"],
            createdAt: try date("created_at"), completedBy: try self["completed_by"],
            completedAt: try optionalDate("completed_at"))
    }

    func runbookRun() throws -> RunbookRun {
        RunbookRun(
            id: try self["id"], incidentId: try self["incident_id"], runbookPath: try self["runbook_path"],
            runbookTitle: try self["runbook_title"], contentHash: try self["content_hash"],
            startedBy: try self["started_by"], startedAt: try date("started_at"), variables: try self["variables"],
            state: try value("state"), endedAt: try optionalDate("ended_at"), stepCount: try self["step_count"])
    }

    func stepRun() throws -> StepRun {
        StepRun(
            id: try self["id"], runbookRunId: try self["runbook_run_id"], stepId: try self["step_id"],
            stepNumber: try self["step_number"], title: try self["title"], command: try self["command"],
            workingDirectory: try self["working_directory"], risk: try value("risk"), outcome: try value("outcome"),
            confirmedBy: try self["confirmed_by"], confirmedAt: try optionalDate("confirmed_at"),
            startedAt: try optionalDate("started_at"), endedAt: try optionalDate("ended_at"),
            durationMilliseconds: try self["duration_milliseconds"], exitStatus: try self["exit_status"],
            signal: try self["signal"], outputHead: try self["output_head"], outputTail: try self["output_tail"],
            outputBytes: try self["output_bytes"], outputSHA256: try self["output_sha256"], note: try self["note"],
            continuedBy: try self["continued_by"], processGroup: try self["process_group"],
            processStartTime: try self["process_start_time"])
    }

    func handoff() throws -> Handoff {
        let id: Int64 = try self["id"]
        let report: HandoffReport
        do {
            report = try HandoffReport.decode(json: try self["report"])
        } catch {
            throw StoreError.invalid("handoff #\(id) has a report this sitrep cannot read (\(error))")
        }
        return Handoff(
            id: id, from: try self["from_person"], to: try self["to_person"], createdAt: try date("created_at"),
            notes: try self["notes"], transfersCommand: try self["transfers_command"], report: report,
            acknowledgedAt: try optionalDate("acknowledged_at"), acknowledgedBy: try self["acknowledged_by"])
    }
}
