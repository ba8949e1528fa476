import Foundation
import GRDB

/// How `RunbookRun` is stored in SQLite: its table and columns, read and written by GRDB.
extension RunbookRun: StoredRecord {
    public static let databaseTableName = "runbookRun"
}
