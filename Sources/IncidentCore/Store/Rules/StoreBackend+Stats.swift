import Foundation

/// The statistics' reads, once for every backend: four aggregate queries in one read
/// transaction, so the figures describe one consistent moment.
extension StoreBackend {
    public func statsRecords(in window: StatsWindow) throws -> StatsRecords {
        try read { tx in
            var incidents = try tx.statsIncidents(in: window)
            let reopens = Dictionary(
                try tx.reopenCounts(in: window).map { ($0.incidentId, $0.count) }, uniquingKeysWith: +)
            if !reopens.isEmpty {
                for index in incidents.indices { incidents[index].reopens = reopens[incidents[index].id] ?? 0 }
            }
            return StatsRecords(
                incidents: incidents, openActions: try tx.openActionItems(in: window),
                stepCounts: try tx.stepOutcomeCounts(in: window), knownServices: try tx.serviceNames())
        }
    }
}
