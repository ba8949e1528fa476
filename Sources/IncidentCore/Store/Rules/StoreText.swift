import Foundation

/// Text as the store keeps it, the same for every backend.
enum StoreText {
    /// How a reopening status entry's text begins; the statistics count reopens by it.
    static let reopenedPrefix = "Reopened:"

    /// No surrounding blanks.
    static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Cleaned values without empties or repeats, in the order given.
    static func uniqueNonEmpty(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.map(clean).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension String {
    /// "incident commander" → "Incident commander".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
