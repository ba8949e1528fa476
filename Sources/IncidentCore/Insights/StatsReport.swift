import Foundation

/// The one call behind `sitrep stats` and the console's Insights screen: read the window's
/// records, check the filters against them, compute the figures.
public enum StatsReport {
    /// Throws `StoreError.invalid` (exit 65) for a service no incident was ever on.
    public static func load(_ query: StatsQuery, from store: some StatsStore) throws -> IncidentStats {
        let records = try store.statsRecords(in: query.window)
        if let service = query.service, !records.knownServices.contains(service) {
            let known = records.knownServices.isEmpty ? "none yet" : records.knownServices.joined(separator: ", ")
            throw StoreError.invalid("--service \(service): no incident is on that service (known: \(known))")
        }
        return StatsCalculator.compute(records, query: query)
    }
}
