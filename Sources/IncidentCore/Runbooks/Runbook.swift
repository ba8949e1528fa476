import Foundation

/// A parsed runbook file: plain values a console or CLI can show and drive without touching Markdown.
public struct Runbook: Codable, Sendable, Equatable {
    /// The path it was read from, as given.
    public var path: String
    /// The `# Runbook: Title` heading without its prefix, else the front matter's `title`, else
    /// the first heading, else the file name.
    public var title: String
    public var titleSource: RunbookTitleSource
    public var metadata: [RunbookMetadataItem]
    /// The first paragraph of the Overview section, or of the document, for lists.
    public var overview: String
    public var steps: [RunbookStep]
    /// SHA-256 of the file's bytes, recorded with each run so a changed runbook is noticed on resume.
    public var contentHash: String
    /// Everything wrong with the file; a runbook with problems is shown but never run. A step that
    /// cannot run carries its own `problem` instead, and the rest of the runbook runs.
    public var problems: [RunbookProblem]

    public init(
        path: String, title: String, metadata: [RunbookMetadataItem], overview: String, steps: [RunbookStep],
        contentHash: String, problems: [RunbookProblem], titleSource: RunbookTitleSource = .runbookHeading
    ) {
        self.path = path
        self.title = title
        self.titleSource = titleSource
        self.metadata = metadata
        self.overview = overview
        self.steps = steps
        self.contentHash = contentHash
        self.problems = problems
    }

    public var isRunnable: Bool { problems.isEmpty }

    /// The problems of the steps that cannot run, in step order.
    public var stepProblems: [RunbookProblem] { steps.compactMap(\.problem) }

    /// The value of a `## Metadata` item, matched without regard to case.
    public func metadata(_ key: String) -> String? {
        metadata.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }?.value
    }

    public func step(id: String) -> RunbookStep? {
        steps.first { $0.id == id }
    }
}
