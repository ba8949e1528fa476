import Crypto
import Foundation

/// Computes the hash chain over timeline entries so that edits, deletions and reordering show up.
public enum TimelineHasher {
    /// The previous-hash of an incident's first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 over the previous hash and the entry's fields, each length-prefixed so no two
    /// different entries can produce the same byte string.
    public static func hash(incidentKey: String, entry: TimelineEntry) -> String {
        let fields = [
            entry.previousHash,
            incidentKey,
            String(entry.sequence),
            entry.kind.rawValue,
            entry.author,
            Timestamp.canonical(entry.eventAt),
            Timestamp.canonical(entry.recordedAt),
            entry.text,
            entry.details,
        ]
        var hasher = SHA256()
        for field in fields {
            let bytes = Array(field.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
            hasher.update(data: [10])
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
