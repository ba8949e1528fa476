/// The outcome of checking timeline hash chains: how much was checked and the first break found.
public struct ChainReport: Sendable, Equatable {
    public struct Break: Sendable, Equatable {
        public var incidentKey: String
        /// The sequence number of the first entry that does not match (or is missing).
        public var sequence: Int
        public var entryID: Int64?
        public var reason: String
    }

    public var incidentsChecked: Int
    public var entriesChecked: Int
    public var firstBreak: Break?

    public var holds: Bool { firstBreak == nil }
}
