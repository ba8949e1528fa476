import Foundation
import GRDB

/// Reads one column of a stored row as a sitrep value (a date in `DatabaseTime` form, or an enum
/// by raw value), failing with the column's name rather than trapping on a bad row.
enum StoredColumn {
    static func date(_ row: Row, _ column: String) throws -> Date {
        guard let date = try optionalDate(row, column) else {
            throw StoreError.invalid("the stored row has no \(column)")
        }
        return date
    }

    static func optionalDate(_ row: Row, _ column: String) throws -> Date? {
        guard let text: String = try row.decode(forColumn: column) else { return nil }
        guard let date = Timestamp.parseDatabase(text) else {
            throw StoreError.invalid("the stored \(column) '\(text)' is not a date sitrep wrote")
        }
        return date
    }

    static func value<Value: RawRepresentable>(_ row: Row, _ column: String) throws -> Value
    where Value.RawValue == String {
        let text: String = try row.decode(forColumn: column)
        guard let value = Value(rawValue: text) else {
            throw StoreError.invalid("the stored \(column) '\(text)' is not one sitrep knows")
        }
        return value
    }
}
