import Yams

/// Pulls the line number out of a Yams error so messages can say `file:line`.
enum YAMLErrorLine {
    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}
