/// Finds the variables a shell command reads but never sets, so they can be asked for before it
/// runs. A small lexer, not a shell: it honours quotes, escapes, comments and the common ways a
/// script assigns (`X=…`, `export X`, `read X`, `for X in`), which is what runbook steps use.
enum ShellVariables {
    /// Names the shell or login already provides; asking an operator for them would only confuse.
    static let ambient: Set<String> = [
        "HOME", "PATH", "USER", "LOGNAME", "PWD", "OLDPWD", "SHELL", "TERM", "LANG", "LC_ALL", "TMPDIR",
        "HOSTNAME", "RANDOM", "SECONDS", "LINENO", "BASH_SOURCE", "FUNCNAME", "IFS", "UID", "EUID", "PPID",
        "BASHPID", "OPTARG", "OPTIND", "REPLY", "PIPESTATUS", "BASH_REMATCH", "COLUMNS", "LINES", "EDITOR",
        "PAGER", "SHLVL", "BASH_VERSION", "EPOCHSECONDS", "EPOCHREALTIME", "XDG_RUNTIME_DIR", "DISPLAY",
    ]
    static let declaringWords: Set<String> = ["export", "local", "declare", "readonly", "typeset"]

    /// The variables `command` uses, in order of first use, each once.
    static func used(in command: String) -> [RunbookVariable] {
        let bytes = Array(command.utf8)
        var uses: [RunbookVariable] = []
        var seen = Set<String>()
        var assigned = Set<String>()
        var index = 0
        var inDouble = false
        var atWordStart = true
        /// The previous word when it was `export`, `read`, `for`…, so the next names count as assigned.
        var declaring: String?

        func isNameStart(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || byte == 95 }
        func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || (byte >= 48 && byte <= 57) }
        func readName(at start: Int) -> (String, Int)? {
            guard start < bytes.count, isNameStart(bytes[start]) else { return nil }
            var end = start
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            return (String(decoding: bytes[start..<end], as: UTF8.self), end)
        }
        func note(_ name: String, defaultValue: String?) {
            guard !ambient.contains(name), seen.insert(name).inserted else { return }
            uses.append(RunbookVariable(name: name, defaultValue: defaultValue))
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == 92 {  // backslash
                index += 2
                atWordStart = false
                continue
            }
            if !inDouble {
                if byte == 39 {  // single quote: nothing expands inside
                    index += 1
                    while index < bytes.count, bytes[index] != 39 { index += 1 }
                    index += 1
                    atWordStart = false
                    continue
                }
                if byte == 35, atWordStart {  // comment
                    while index < bytes.count, bytes[index] != 10 { index += 1 }
                    continue
                }
                if atWordStart, let (word, end) = readName(at: index) {
                    if end < bytes.count, bytes[end] == 61 {  // NAME=value
                        assigned.insert(word)
                        index = end + 1
                        atWordStart = false
                        continue
                    }
                    if let keyword = declaring {
                        assigned.insert(word)
                        if keyword == "for" { declaring = nil }
                    } else if declaringWords.contains(word) || word == "read" || word == "for" {
                        declaring = word
                    }
                    index = end
                    atWordStart = false
                    continue
                }
            }
            if byte == 34 {  // double quote
                inDouble.toggle()
                index += 1
                atWordStart = false
                continue
            }
            if byte == 36 {  // $
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if next == 123 {  // ${
                    var start = index + 2
                    if start < bytes.count, bytes[start] == 35 || bytes[start] == 33 { start += 1 }
                    if let (name, end) = readName(at: start) {
                        var close = end
                        while close < bytes.count, bytes[close] != 125 { close += 1 }
                        var defaultValue: String?
                        let operatorBytes = bytes[end..<min(close, bytes.count)]
                        if operatorBytes.starts(with: [58, 45]) {  // :-
                            defaultValue = String(decoding: operatorBytes.dropFirst(2), as: UTF8.self)
                        } else if operatorBytes.first == 45 {  // -
                            defaultValue = String(decoding: operatorBytes.dropFirst(1), as: UTF8.self)
                        }
                        note(name, defaultValue: defaultValue)
                        index = min(close + 1, bytes.count)
                    } else {
                        index += 2
                    }
                } else if let (name, end) = readName(at: index + 1) {
                    note(name, defaultValue: nil)
                    index = end
                } else {
                    index += 1
                }
                atWordStart = false
                continue
            }
            switch byte {
            case 10, 59, 38, 124, 40, 41, 96:  // newline ; & | ( ) `
                atWordStart = true
                declaring = nil
            case 32, 9:
                atWordStart = true
            default:
                atWordStart = false
            }
            index += 1
        }
        return uses.filter { !assigned.contains($0.name) }
    }
}
