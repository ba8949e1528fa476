import Foundation
import Yams

/// The `serve:` section of config.yaml: where `sitrep serve` listens, the token senders must
/// present, how alert labels become severities and services, and the routes.
public struct ServeSettings: Sendable, Equatable {
    public var listen: String?
    /// Senders present it as `Authorization: Bearer …` (or, for PagerDuty-style events, as the
    /// route's key); nil means only route keys are accepted.
    public var token: String?
    /// The label read for a severity when the sender names none (`severity`).
    public var severityLabel = "severity"
    /// Sender severities (label values, PagerDuty's critical…info) to P0–P3; P0–P3 map to themselves.
    public var severities: [String: Severity] = [
        "critical": .p1, "error": .p2, "warning": .p3, "info": .p3, "page": .p1,
    ]
    /// The severity when nothing names one.
    public var defaultSeverity: Severity = .p2
    /// The label read for the service when the route names none (`service`).
    public var serviceLabel = "service"
    /// Move an incident to mitigated once every alert it holds has resolved.
    public var resolveToMitigated = false
    public var routes: [AlertRoute] = []
    /// PEM files for HTTPS; both or neither (relative paths are relative to config.yaml).
    public var tlsCertificate: String?
    public var tlsKey: String?

    public init() {}

    static let knownKeys: Set<String> = [
        "listen", "token", "severity-label", "severities", "default-severity", "service-label", "auto-resolve",
        "routes", "tls-cert", "tls-key",
    ]

    static func parse(_ node: Node, file: String) throws -> ServeSettings {
        guard let mapping = node.mapping else {
            throw ConfigError(file: file, line: node.mark?.line, message: "`serve` must be a mapping of settings")
        }
        var settings = ServeSettings()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            func text() throws -> String {
                guard let text = value.string, !text.isEmpty else {
                    throw ConfigError(file: file, line: line, message: "`serve.\(key)` must be a text value")
                }
                return text
            }
            func severity(_ node: Node) throws -> Severity {
                guard let name = node.string, let severity = Severity(rawValue: name.uppercased()) else {
                    throw ConfigError(
                        file: file, line: node.mark?.line, message: "`serve.\(key)`: a severity is P0, P1, P2 or P3")
                }
                return severity
            }
            switch key {
            case "listen": settings.listen = try text()
            case "token": settings.token = try text()
            case "severity-label": settings.severityLabel = try text()
            case "service-label": settings.serviceLabel = try text()
            case "default-severity": settings.defaultSeverity = try severity(value)
            case "auto-resolve":
                guard value.string == "mitigated" || value.string == "off" else {
                    throw ConfigError(file: file, line: line, message: "`serve.auto-resolve` is mitigated or off")
                }
                settings.resolveToMitigated = value.string == "mitigated"
            case "severities":
                guard let pairs = value.mapping else {
                    throw ConfigError(file: file, line: line, message: "`serve.severities` maps names to P0–P3")
                }
                for (name, target) in pairs {
                    settings.severities[(name.string ?? "").lowercased()] = try severity(target)
                }
            case "tls-cert": settings.tlsCertificate = relative(try text(), to: file)
            case "tls-key": settings.tlsKey = relative(try text(), to: file)
            case "routes":
                guard let list = value.sequence else {
                    throw ConfigError(file: file, line: line, message: "`serve.routes` must be a list of routes")
                }
                settings.routes = try list.map { try route($0, file: file) }
            default:
                throw ConfigError(
                    file: file, line: line,
                    message: "unknown setting `serve.\(key)` (known: \(knownKeys.sorted().joined(separator: ", ")))")
            }
        }
        if (settings.tlsCertificate == nil) != (settings.tlsKey == nil) {
            throw ConfigError(
                file: file, line: node.mark?.line, message: "`serve` needs both tls-cert and tls-key, or neither")
        }
        return settings
    }

    static func relative(_ path: String, to file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    static func route(_ node: Node, file: String) throws -> AlertRoute {
        guard let mapping = node.mapping else {
            throw ConfigError(file: file, line: node.mark?.line, message: "a `serve.routes` entry must be a mapping")
        }
        var route = AlertRoute(key: "")
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard let text = value.string, !text.isEmpty else {
                throw ConfigError(file: file, line: keyNode.mark?.line, message: "route `\(key)` must be a text value")
            }
            switch key {
            case "key": route.key = text
            case "service": route.service = text
            case "runbook": route.runbook = text
            case "severity":
                guard let severity = Severity(rawValue: text.uppercased()) else {
                    throw ConfigError(
                        file: file, line: keyNode.mark?.line, message: "route severity is P0, P1, P2 or P3")
                }
                route.severity = severity
            default:
                throw ConfigError(
                    file: file, line: keyNode.mark?.line,
                    message: "unknown route setting `\(key)` (known: key, runbook, service, severity)")
            }
        }
        guard !route.key.isEmpty else {
            throw ConfigError(file: file, line: node.mark?.line, message: "a `serve.routes` entry needs a `key`")
        }
        return route
    }

    /// What a notification becomes if it opens an incident: its route's service, severity and
    /// runbook, else what the sender and its labels say. `runbook` finds a route's runbook.
    public func plan(
        for notification: AlertNotification,
        runbook: (String) -> Result<Runbook, any Error> = { name in
            .failure(StoreError.notFound("no runbook folders to find \(name) in"))
        }
    ) -> AlertPlan {
        let route = routes.first { $0.key == notification.routeKey }
        let named = notification.severityName ?? notification.commonLabels[severityLabel]
        let severity =
            named.flatMap { Severity(rawValue: $0.uppercased()) ?? severities[$0.lowercased()] } ?? route?.severity
            ?? defaultSeverity
        let service = route?.service ?? notification.service ?? notification.commonLabels[serviceLabel]
        var plan = AlertPlan(
            title: notification.title, severity: severity, service: service, mitigateWhenResolved: resolveToMitigated)
        if let name = route?.runbook {
            switch runbook(name) {
            case .success(let found): plan.runbook = found
            case .failure(let error): plan.runbookProblem = "\(name): \(error)"
            }
        }
        return plan
    }
}
