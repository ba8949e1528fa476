/// A shell-session block, a terminal transcript: `$ kubectl get nodes` followed by what it printed.
/// Only the prompt lines (and their `\` continuation lines) run; the printed lines never do.
///
/// A block is a session when it is tagged `console`, `shell-session` or `sh-session`, or is a
/// shell or untagged block, and its first non-blank line starts with `$ `. A tagged session may
/// use the root prompt `# ` instead; a shell block's `# ` lines are comments, never prompts. The
/// first non-blank line fixes the prompt for the whole block, so output such as a printed
/// `# comment` in a `$ ` session never runs.
struct ShellSession: Equatable {
    static let languages: Set<String> = ["console", "shell-session", "sh-session"]

    /// `$ ` or `# `.
    var prompt: String
    /// The prompt lines without their prompt, continuation lines as written, one per line.
    var command: String

    init(prompt: String, command: String) {
        self.prompt = prompt
        self.command = command
    }

    /// The session in a block of `language`, or nil when the block is not one.
    init?(literal: String, language: String, shellLanguages: Set<String>) {
        let tagged = Self.languages.contains(language)
        guard tagged || language.isEmpty || shellLanguages.contains(language) else { return nil }
        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first(where: { !MarkdownNode.trimmed(String($0)).isEmpty }) else { return nil }
        if first.hasPrefix("$ ") {
            prompt = "$ "
        } else if tagged, first.hasPrefix("# ") {
            prompt = "# "
        } else {
            return nil
        }
        var commands: [Substring] = []
        var continuing = false
        for line in lines {
            if continuing {
                commands.append(line)
            } else if line.hasPrefix(prompt) {
                commands.append(line.dropFirst(prompt.count))
            } else {
                continue
            }
            continuing = line.hasSuffix("\\")
        }
        command = commands.joined(separator: "\n") + "\n"
    }
}
