import Foundation
import GRDB

/// How `RoleAssignment` is stored in SQLite: its table and columns, read and written by GRDB.
extension RoleAssignment: StoredRecord {
    public static let databaseTableName = "roleAssignment"
}
