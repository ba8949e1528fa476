import Foundation
import Yams

/// The `endpoints:` of a config.yaml or a Gatus file, read leniently: an endpoint with a bad URL,
/// condition or setting is left out with an error naming file, line and text, and the rest load.
/// Gatus keys sitrep does not use are reported once each, so nothing is dropped silently.
public struct HealthCheckFile: Sendable, Equatable {
    public var file: String
    public var checks: [HealthCheck]
    /// Endpoints that could not be loaded, and why.
    public var problems: [ConfigError]
    /// Keys that were understood as Gatus's but are not used by sitrep, one per key.
    public var unsupported: [ConfigError]
    public var retention: HealthRetention

    public init(
        file: String, checks: [HealthCheck] = [], problems: [ConfigError] = [], unsupported: [ConfigError] = [],
        retention: HealthRetention = HealthRetention()
    ) {
        self.file = file
        self.checks = checks
        self.problems = problems
        self.unsupported = unsupported
        self.retention = retention
    }

    static let endpointKeys: Set<String> = [
        "name", "group", "url", "method", "headers", "body", "interval", "client", "conditions", "alerts", "service",
        "command", "enabled",
    ]
    static let retentionKey = "health-retention"

    /// Reads the file; a missing one has no checks. Only unreadable or invalid YAML throws.
    public static func load(path: String) throws -> HealthCheckFile {
        guard let text = try YAMLDocument.text(atPath: path) else { return HealthCheckFile(file: path) }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> HealthCheckFile {
        let root = try YAMLDocument.compose(text, file: file)
        var result = HealthCheckFile(file: file)
        guard let root else { return result }
        guard let mapping = root.mapping else {
            throw ConfigError(file: file, line: root.mark?.line, message: "must be a mapping with an `endpoints:` list")
        }
        var reader = Reader(file: file)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "endpoints":
                guard let list = value.sequence else {
                    reader.problem(keyNode, "`endpoints` must be a list of endpoints")
                    continue
                }
                for item in list {
                    if let check = reader.endpoint(item) {
                        if let earlier = result.checks.first(where: { $0.key == check.key }) {
                            reader.problem(
                                item, "endpoint `\(check.key)` is defined twice (first on line \(earlier.line ?? 0))")
                        } else {
                            result.checks.append(check)
                        }
                    }
                }
            case retentionKey:
                result.retention = reader.retention(value, keyNode: keyNode)
            default:
                if !SitrepConfig.knownKeys.contains(key) {
                    reader.unsupported(keyNode, "`\(key)` is a Gatus setting sitrep does not use; it is ignored")
                }
            }
        }
        result.problems = reader.problems
        result.unsupported = reader.notices
        return result
    }

    /// Collects problems and once-only notices while walking the YAML tree.
    struct Reader {
        let file: String
        var problems: [ConfigError] = []
        var notices: [ConfigError] = []
        var noticed: Set<String> = []

        mutating func problem(_ node: Node, _ message: String) {
            problems.append(ConfigError(file: file, line: node.mark?.line, message: message))
        }

        mutating func unsupported(_ node: Node, _ message: String, once key: String? = nil) {
            guard noticed.insert(key ?? message).inserted else { return }
            notices.append(ConfigError(file: file, line: node.mark?.line, message: message))
        }

        mutating func endpoint(_ node: Node) -> HealthCheck? {
            guard let mapping = node.mapping else {
                problem(node, "each endpoint must be a mapping with `name` and `url` (or `command`)")
                return nil
            }
            func value(_ key: String) -> Node? { mapping[Node(key)] }
            guard let name = value("name")?.string, !name.isEmpty else {
                problem(node, "an endpoint needs a `name`")
                return nil
            }
            let problemsBefore = problems.count
            func fail(_ at: Node?, _ message: String) { problem(at ?? node, "endpoint `\(name)`: \(message)") }
            if let enabled = value("enabled"), enabled.bool == false { return nil }
            for (keyNode, _) in mapping {
                let key = keyNode.string ?? ""
                if !HealthCheckFile.endpointKeys.contains(key) {
                    unsupported(keyNode, "endpoint key `\(key)` is not supported by sitrep and is ignored", once: key)
                }
            }
            var target: CheckTarget?
            if let command = value("command") {
                if let text = command.string, !text.isEmpty {
                    target = .command(text)
                } else {
                    fail(command, "`command` must be a command line")
                }
                if value("url") != nil { fail(value("url"), "give either `url` or `command`, not both") }
            } else if let urlNode = value("url") {
                switch CheckTarget.parse(url: urlNode.string ?? "") {
                case .success(let parsed): target = parsed
                case .failure(let error): fail(urlNode, error.reason)
                }
            } else {
                fail(node, "needs a `url` (http://, https://, tcp://, tls://) or a `command`")
            }
            var check = HealthCheck(name: name, target: target ?? .command(""), line: node.mark?.line)
            check.group = value("group")?.string
            check.service = value("service")?.string
            if let method = value("method") {
                if let text = method.string, !text.isEmpty, text.allSatisfy({ $0.isLetter }) {
                    check.method = text.uppercased()
                } else {
                    fail(method, "`method` must be an HTTP method such as GET")
                }
            }
            if let headers = value("headers") {
                if let map = headers.mapping {
                    for (key, header) in map {
                        guard let name = key.string, let text = header.string else {
                            fail(key, "`headers` values must be text")
                            continue
                        }
                        check.headers[name] = text
                    }
                } else {
                    fail(headers, "`headers` must be a mapping of header names to values")
                }
            }
            check.body = value("body")?.string
            if let interval = value("interval") {
                if let seconds = interval.string.flatMap(GoDuration.seconds), seconds >= 0.01 {
                    check.interval = seconds
                } else {
                    fail(interval, "bad `interval` `\(interval.string ?? "")` (write a duration such as 30s or 5m)")
                }
            }
            if let client = value("client") {
                for (keyNode, setting) in client.mapping ?? [:] {
                    switch keyNode.string ?? "" {
                    case "timeout":
                        if let seconds = setting.string.flatMap(GoDuration.seconds), seconds > 0 {
                            check.timeout = seconds
                        } else {
                            fail(
                                setting, "bad `client.timeout` `\(setting.string ?? "")` (write a duration such as 10s)"
                            )
                        }
                    case "insecure":
                        check.insecure = setting.bool ?? false
                    default:
                        let key = keyNode.string ?? ""
                        unsupported(
                            keyNode, "`client.\(key)` is not supported by sitrep and is ignored", once: "client.\(key)")
                    }
                }
            }
            if let conditions = value("conditions") {
                for item in conditions.sequence.map(Array.init) ?? [conditions] {
                    guard let text = item.string else {
                        fail(item, "each condition must be text such as \"[STATUS] == 200\"")
                        continue
                    }
                    do {
                        check.conditions.append(try HealthCondition(parsing: text))
                    } catch {
                        fail(item, error.description)
                    }
                }
            }
            if let alerts = value("alerts") {
                for alert in alerts.sequence.map(Array.init) ?? [] {
                    for (keyNode, setting) in alert.mapping ?? [:] {
                        let key = keyNode.string ?? ""
                        switch key {
                        case "failure-threshold", "success-threshold":
                            guard let count = setting.int, count >= 1 else {
                                fail(setting, "`\(key)` must be a whole number of at least 1")
                                continue
                            }
                            if key == "failure-threshold" {
                                check.failureThreshold = count
                            } else {
                                check.successThreshold = count
                            }
                        default:
                            unsupported(
                                keyNode,
                                "alert key `\(key)` is ignored: sitrep records state changes in incident timelines "
                                    + "instead of sending alerts", once: "alerts.\(key)")
                        }
                    }
                }
            }
            if case .command = check.target, check.conditions.isEmpty == false,
                check.conditions.contains(where: { $0.usesCertificate })
            {
                fail(value("conditions"), "[CERTIFICATE_EXPIRATION] needs an https:// or tls:// endpoint")
            }
            return problems.count == problemsBefore ? check : nil
        }

        mutating func retention(_ node: Node, keyNode: Node) -> HealthRetention {
            var retention = HealthRetention()
            guard let mapping = node.mapping else {
                problem(
                    keyNode, "`\(HealthCheckFile.retentionKey)` must be a mapping with `max-age` and/or `max-samples`")
                return retention
            }
            for (key, setting) in mapping {
                switch key.string ?? "" {
                case "max-age":
                    if let seconds = setting.string.flatMap(GoDuration.seconds), seconds > 0 {
                        retention.maximumAge = seconds
                    } else {
                        problem(setting, "bad `max-age` `\(setting.string ?? "")` (write a duration such as 24h)")
                    }
                case "max-samples":
                    if let count = setting.int, count >= 1 {
                        retention.maximumSamples = count
                    } else {
                        problem(setting, "`max-samples` must be a whole number of at least 1")
                    }
                default:
                    problem(key, "unknown `\(HealthCheckFile.retentionKey)` setting `\(key.string ?? "")`")
                }
            }
            return retention
        }
    }
}
