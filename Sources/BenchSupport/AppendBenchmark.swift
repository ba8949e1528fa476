import CSQLite
import Foundation
import IncidentCore

/// Durable single-note appends through the store beside the same insert + commit done with
/// SQLite's C API directly (WAL, synchronous=FULL), interleaved so both see the same disk.
public struct AppendBenchmark: Sendable {
    public struct Result: Sendable {
        public var storeMedian: TimeInterval
        public var rawMedian: TimeInterval
        public var ratio: Double { storeMedian / rawMedian }
    }

    public var iterations: Int

    public init(iterations: Int = 300) {
        self.iterations = iterations
    }

    public func run(in folder: String) throws -> Result {
        // Fresh files each run: the raw peer numbers its rows from 1.
        for name in ["bench-store.sqlite", "bench-raw.sqlite"] {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: folder + "/" + name + suffix)
            }
        }
        let store = try SQLiteIncidentStore(path: folder + "/bench-store.sqlite")
        let key = try store.declareIncident(
            IncidentDeclaration(title: "Append benchmark", severity: .p3), by: Attribution(author: "bench")
        ).key
        let raw = try RawSQLiteAppender(path: folder + "/bench-raw.sqlite")
        defer { raw.close() }
        let author = Attribution(author: "bench")
        for number in 0..<20 {
            _ = try store.appendNote(key: key, text: "warm-up \(number)", kind: .note, by: author)
            try raw.append(text: "warm-up \(number)")
        }
        var storeTimes: [TimeInterval] = []
        var rawTimes: [TimeInterval] = []
        for number in 0..<iterations {
            let text = "Checked pool usage on checkout-db-2: \(number) connections"
            let storeStart = DispatchTime.now().uptimeNanoseconds
            _ = try store.appendNote(key: key, text: text, kind: .note, by: author)
            let middle = DispatchTime.now().uptimeNanoseconds
            try raw.append(text: text)
            let end = DispatchTime.now().uptimeNanoseconds
            storeTimes.append(Double(middle - storeStart) / 1e9)
            rawTimes.append(Double(end - middle) / 1e9)
        }
        return Result(storeMedian: Self.median(storeTimes), rawMedian: Self.median(rawTimes))
    }

    static func median(_ values: [TimeInterval]) -> TimeInterval {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// The peer: one row per transaction through sqlite3_* calls, same pragmas as the store.
final class RawSQLiteAppender {
    private var connection: OpaquePointer?
    private var insert: OpaquePointer?
    private var sequence = 0

    init(path: String) throws {
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw StoreError.io("cannot open \(path)")
        }
        try execute(
            """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 60000;
            CREATE TABLE IF NOT EXISTS entry (id INTEGER PRIMARY KEY, incidentId INTEGER NOT NULL,
              sequence INTEGER NOT NULL, kind TEXT NOT NULL, author TEXT NOT NULL, eventAt TEXT NOT NULL,
              recordedAt TEXT NOT NULL, text TEXT NOT NULL, details TEXT NOT NULL, previousHash TEXT NOT NULL,
              hash TEXT NOT NULL, UNIQUE (incidentId, sequence));
            """)
        let sql = """
            INSERT INTO entry (incidentId, sequence, kind, author, eventAt, recordedAt, text, details, previousHash, hash)
            VALUES (1, ?, 'note', 'bench', datetime('now'), datetime('now'), ?, '{}', ?, ?)
            """
        guard sqlite3_prepare_v2(connection, sql, -1, &insert, nil) == SQLITE_OK else {
            throw StoreError.io("cannot prepare the raw insert")
        }
    }

    func append(text: String) throws {
        sequence += 1
        try execute("BEGIN IMMEDIATE")
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_int64(insert, 1, Int64(sequence))
        sqlite3_bind_text(insert, 2, text, -1, transient)
        sqlite3_bind_text(insert, 3, TimelineHasher.genesis, -1, transient)
        sqlite3_bind_text(insert, 4, TimelineHasher.genesis, -1, transient)
        guard sqlite3_step(insert) == SQLITE_DONE else { throw StoreError.io("raw insert failed") }
        sqlite3_reset(insert)
        try execute("COMMIT")
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else {
            throw StoreError.io("raw sqlite: \(String(cString: sqlite3_errmsg(connection)))")
        }
    }

    func close() {
        sqlite3_finalize(insert)
        sqlite3_close(connection)
    }
}
