import IncidentCore

/// `config.yaml`, its `serve:` section included: it parses or is refused with an error naming the
/// file and a line that exists.
public struct ConfigFuzzTarget: FuzzTarget {
    public static let name = "config"

    public init() {}

    public mutating func run(_ input: [UInt8]) {
        do {
            let config = try SitrepConfig.parse(FuzzInput.text(input), file: "config.yaml")
            for route in config.serve.routes { precondition(!route.key.isEmpty, "a route has no key") }
        } catch let error as ConfigError {
            precondition(error.file == "config.yaml", "an error names \(error.file)")
            FuzzInput.checkLine(error.line, in: input, what: "config error")
        } catch {
            preconditionFailure("config refused without a file and line: \(error)")
        }
    }
}
