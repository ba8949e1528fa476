/// How long one metric took across incidents: median, 90th percentile and maximum, by nearest
/// rank, so every figure is one incident's recorded value and none is interpolated.
public struct StatsSpread: Codable, Sendable, Equatable {
    /// Incidents that recorded both milestones; the rest are left out, never estimated.
    public var n: Int
    public var minSeconds: Int?
    public var medianSeconds: Int?
    public var p90Seconds: Int?
    public var maxSeconds: Int?

    public init(seconds values: [Int]) {
        let sorted = values.sorted()
        n = sorted.count
        minSeconds = sorted.first
        medianSeconds = Self.rank(0.5, of: sorted)
        p90Seconds = Self.rank(0.9, of: sorted)
        maxSeconds = sorted.last
    }

    /// The value at rank ⌈p·n⌉ (1-based).
    static func rank(_ fraction: Double, of sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let index = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(index, 0), sorted.count - 1)]
    }

    enum CodingKeys: String, CodingKey {
        case n, minSeconds, medianSeconds, p90Seconds, maxSeconds
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(minSeconds, forKey: .minSeconds)
        try container.encode(medianSeconds, forKey: .medianSeconds)
        try container.encode(p90Seconds, forKey: .p90Seconds)
        try container.encode(maxSeconds, forKey: .maxSeconds)
    }
}
