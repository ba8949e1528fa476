import Foundation
import GRDB

/// Stores dates as UTC text with millisecond precision through our own formatter, so a date
/// reads back exactly as it was hashed, and decoding avoids Foundation's slow calendar code.
enum DatabaseTime {
    static let encoding = DatabaseDateEncodingStrategy.custom { Timestamp.database($0) }
    static let decoding = DatabaseDateDecodingStrategy.custom { value in
        String.fromDatabaseValue(value).flatMap(Timestamp.parseDatabase)
    }
}
