import Foundation

extension SQLiteIncidentStore {
    /// Runs `body` in one immediate transaction with an importer for whole incidents; a throw
    /// anywhere rolls everything back, so an import lands completely or not at all.
    @discardableResult
    public func importIncidents<T>(
        chain: IncidentImporter.Chain = .verify, _ body: (IncidentImporter) throws -> T
    ) throws -> T {
        try write { tx in try body(IncidentImporter(db: tx.db, chain: chain)) }
    }
}
