/// The free-text fields a commander fills in as understanding grows; each edit is a timeline entry.
public enum IncidentField: String, CaseIterable, Codable, Sendable {
    case title
    case summary
    case impact
    case rootCause = "root-cause"
    case resolution
}
