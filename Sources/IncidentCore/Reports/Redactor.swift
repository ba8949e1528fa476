import Foundation

/// Replaces secrets (credentials, tokens, keys) with `[REDACTED]` in everything a report
/// exports, because notes and command output often carry what was pasted from a terminal.
public struct Redactor: Sendable {
    public static let marker = "[REDACTED]"

    /// One pattern and what replaces its match. With `keepsPrefix`, group 1 is written back before
    /// the marker, so `password=[REDACTED]` still says which setting it was.
    struct Rule: @unchecked Sendable {
        let expression: NSRegularExpression
        let keepsPrefix: Bool
        /// Lowercase words one of which every match contains: a cheap scan skips the regex
        /// for the many texts that cannot match. Empty means always run (patterns from config).
        let triggers: [[UInt8]]
    }

    let rules: [Rule]
    /// Trigger words by their first two bytes, each with the rule it wakes, and a bit set of those
    /// byte pairs: one pass over a text, mostly one bit test per byte, finds every rule worth running.
    let triggerGroups: [[(word: [UInt8], rule: Int)]]
    /// For each of the 65,536 byte pairs, 1 + its index in `triggerGroups`, or 0 for none.
    let groupByPair: [UInt8]
    /// One bit per byte pair that starts some trigger word: 8 KB that stays in the L1 cache, so
    /// the scan rarely touches the 64 KB `groupByPair` table at all.
    let pairBits: [UInt64]
    /// Rules that run on every text: those without triggers, and any beyond the 64 a mask holds.
    let unconditional: UInt64

    /// The built-in rules plus `extraPatterns` (regular expressions from config `redact:`).
    public init(extraPatterns: [String] = []) throws {
        var rules = Self.builtIn
        for pattern in extraPatterns {
            rules.append(Rule(expression: try NSRegularExpression(pattern: pattern), keepsPrefix: false, triggers: []))
        }
        self.init(rules: rules)
    }

    /// The built-in rules only; they are fixed and known to compile.
    public static let standard = Redactor(rules: builtIn)

    init(rules: [Rule]) {
        self.rules = rules
        var groups: [[(word: [UInt8], rule: Int)]] = []
        var groupByPair = [UInt8](repeating: 0, count: 65_536)
        var unconditional: UInt64 = 0
        for (index, rule) in rules.enumerated() {
            if rule.triggers.isEmpty || rule.triggers.contains(where: { $0.count < 2 }) || index >= 64 {
                if index < 64 { unconditional |= 1 << UInt64(index) }
                continue
            }
            for word in rule.triggers {
                let pair = Int(word[0]) << 8 | Int(word[1])
                if groupByPair[pair] == 0 {
                    groups.append([])
                    groupByPair[pair] = UInt8(groups.count)
                }
                groups[Int(groupByPair[pair]) - 1].append((word, index))
            }
        }
        triggerGroups = groups
        var pairBits = [UInt64](repeating: 0, count: 1024)
        for pair in 0..<65_536 where groupByPair[pair] != 0 { pairBits[pair >> 6] |= 1 << UInt64(pair & 63) }
        self.pairBits = pairBits
        self.groupByPair = groupByPair
        self.unconditional = unconditional
    }

    /// The first problem with a config pattern, or nil when it compiles.
    public static func problem(with pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "is not a valid regular expression: \(pattern)"
        }
    }

    public func redact(_ text: String) -> String {
        if text.isEmpty { return text }
        var copy = text
        let wanted = copy.withUTF8 { triggered(in: $0) } | unconditional
        if wanted == 0 && rules.count <= 64 { return text }
        var result = text
        for (index, rule) in rules.enumerated() where index >= 64 || wanted & (1 << UInt64(index)) != 0 {
            let range = NSRange(result.startIndex..., in: result)
            let template = rule.keepsPrefix ? "$1" + Self.marker : Self.marker
            result = rule.expression.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return result
    }

    /// A bit per rule whose trigger word occurs in `bytes`, compared case-insensitively.
    func triggered(in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        guard count >= 2 else { return 0 }
        var mask: UInt64 = 0
        pairBits.withUnsafeBufferPointer { pairBits in
            var previous = Self.lower(bytes[0])
            for start in 0..<count - 1 {
                let next = Self.lower(bytes[start + 1])
                let pair = Int(previous) << 8 | Int(next)
                previous = next
                if pairBits[pair >> 6] & (1 << UInt64(pair & 63)) == 0 { continue }
                let group = groupByPair[pair]
                for candidate in triggerGroups[Int(group) - 1] where mask & (1 << UInt64(candidate.rule)) == 0 {
                    let word = candidate.word
                    guard word.count <= count - start else { continue }
                    var offset = 2
                    while offset < word.count, Self.lower(bytes[start + offset]) == word[offset] { offset += 1 }
                    if offset == word.count { mask |= 1 << UInt64(candidate.rule) }
                }
            }
        }
        return mask
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    public func redact(_ text: String?) -> String? {
        text.map { redact($0) }
    }

    static func rule(_ pattern: String, keepsPrefix: Bool = false, triggers: [String]) -> Rule {
        // The built-in patterns are constants checked by the tests.
        let expression = try! NSRegularExpression(pattern: pattern, options: [])
        return Rule(expression: expression, keepsPrefix: keepsPrefix, triggers: triggers.map { Array($0.utf8) })
    }

    static let builtIn: [Rule] = [
        // PEM private key blocks, also when the END line was cut off.
        rule(
            #"-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\z)"#,
            triggers: ["-----begin"]),
        // Authorization and Proxy-Authorization headers: keep the scheme, drop the credential.
        rule(
            #"(?i)(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:(?:bearer|basic|token|digest|negotiate|aws4-hmac-sha256|apikey)\s+)?)[^\s"'\\][^\r\n"'\\]*"#,
            keepsPrefix: true, triggers: ["authorization"]),
        // key=value and key: value settings whose name says secret, with or without quotes.
        rule(
            #"(?i)(\b[a-z0-9_.-]*(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?)["']?\s*[:=]\s*)(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s,;&"'}\])]+)"#,
            keepsPrefix: true, triggers: ["pass", "pwd", "secret", "token", "key", "credential"]),
        // Command-line flags such as `--password hunter2`.
        rule(
            #"(?i)(--?(?:password|passwd|pass|token|secret|api-key|apikey)\s+)[^\s-][^\s]*"#, keepsPrefix: true,
            triggers: ["pass", "token", "secret", "key"]),
        // Credentials inside URLs: https://user:secret@host.
        rule(#"(?i)(\b[a-z][a-z0-9+.-]*://[^\s:/@]+:)[^\s@/]+(?=@)"#, keepsPrefix: true, triggers: ["://"]),
        // AWS access key ids.
        rule(
            #"\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b"#,
            triggers: ["akia", "asia", "abia", "acca", "agpa", "aida", "aroa", "anpa", "anva", "apka"]),
        // GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained.
        rule(#"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"#, triggers: ["gh"]),
        // Slack tokens and incoming-webhook URLs.
        rule(#"\b(?:xox[abposrce]|xapp)-[A-Za-z0-9-]{10,}"#, triggers: ["xox", "xapp"]),
        rule(#"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]+"#, triggers: ["hooks.slack"]),
        // JSON Web Tokens, which often carry bearer credentials in logs.
        rule(#"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#, triggers: ["eyj"]),
    ]
}
