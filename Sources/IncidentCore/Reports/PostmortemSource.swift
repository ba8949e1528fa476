/// A store that can build a review report itself, reading a long timeline as a stream rather
/// than through `detail(key:)`. `PostmortemDraft` uses it when the store offers it.
public protocol PostmortemSource: Sendable {
    func postmortemReport(key: String, redactor: Redactor) throws -> PostmortemReport
}
