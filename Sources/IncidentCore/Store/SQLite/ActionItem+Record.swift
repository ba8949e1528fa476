import Foundation
import GRDB

/// How `ActionItem` is stored in SQLite: its table and columns, read and written by GRDB.
extension ActionItem: StoredRecord {
    public static let databaseTableName = "actionItem"

    enum CodingKeys: String, CodingKey {
        case id, incidentId, title, owner, dueDate, priority
        case category = "type"
        case state = "status"
        case createdBy, createdAt, completedBy, completedAt
    }
}
