import Foundation
import Yams

/// Reading the YAML files users write (config, themes, checks), with every failure naming the
/// file and, where YAML knows it, the line.
public enum YAMLDocument {
    /// The file's text, or nil when there is no such file (an empty config, for most callers).
    public static func text(atPath path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, message: "cannot be read as UTF-8 text")
        }
        return text
    }

    /// The node tree with line marks, or nil for an empty document.
    public static func compose(_ text: String, file: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            throw ConfigError(file: file, line: context.mark.line, message: "\(keys): named more than once")
        } catch let error as YamlError {
            throw ConfigError(file: file, line: line(of: error), message: "is not valid YAML: \(error)")
        } catch {
            throw ConfigError(file: file, line: nil, message: "is not valid YAML: \(error)")
        }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}
