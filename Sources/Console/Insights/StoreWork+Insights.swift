import IncidentCore

/// The Insights screen's store work: one `StatsReport.load`, its refusal shown on the screen.
extension StoreWork {
    func insights(_ query: StatsQuery) -> ConsoleEvent {
        do {
            return .insightsLoaded(try StatsReport.load(query, from: store))
        } catch {
            return .insightsFailed("\(error)")
        }
    }
}
