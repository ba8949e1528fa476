import Foundation
import GRDB

/// How `StepRun` is stored in SQLite: its table and columns, read and written by GRDB.
extension StepRun: StoredRecord {
    public static let databaseTableName = "stepRun"
}
