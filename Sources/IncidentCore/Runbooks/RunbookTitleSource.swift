/// Where a runbook's title came from, shown by `runbook show` so an author knows which line to edit.
/// The first that exists wins, in this order.
public enum RunbookTitleSource: String, Codable, Sendable {
    /// A `# Runbook: …` heading.
    case runbookHeading = "runbook-heading"
    /// `title:` in the YAML front matter.
    case frontMatter = "front-matter"
    /// The first heading of any level.
    case firstHeading = "first-heading"
    /// The file name without `.md`: the file has no heading at all.
    case fileName = "file-name"

    /// How `runbook show` says it.
    public var explanation: String {
        switch self {
        case .runbookHeading: "title from the `# Runbook:` heading"
        case .frontMatter: "title from the front matter's `title`"
        case .firstHeading: "title from the first heading (no `# Runbook:` heading or front matter title)"
        case .fileName: "title from the file name (no heading or front matter title)"
        }
    }
}
