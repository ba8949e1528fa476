import GRDB

/// A row type sitrep owns: its dates go through `DatabaseTime`, so they read back exactly as
/// they were hashed, and an inserted row learns its id.
public protocol StoredRecord: FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension StoredRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        DatabaseTime.encoding
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        DatabaseTime.decoding
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
