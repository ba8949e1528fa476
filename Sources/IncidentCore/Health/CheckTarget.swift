/// What a check probes, decided by the URL's scheme or the `command:` key.
public enum CheckTarget: Sendable, Equatable {
    case http(url: String)
    case tcp(host: String, port: Int)
    case tls(host: String, port: Int)
    case command(String)

    /// Reads `http(s)://…`, `tcp://host:port` or `tls://host:port`; nil with a reason otherwise.
    static func parse(url: String) -> Result<CheckTarget, ConditionParseError> {
        func bad(_ reason: String) -> Result<CheckTarget, ConditionParseError> {
            .failure(ConditionParseError(condition: url, reason: reason))
        }
        guard let schemeEnd = url.range(of: "://") else {
            return bad("bad URL `\(url)`: it needs a scheme (http://, https://, tcp:// or tls://)")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let rest = url[schemeEnd.upperBound...]
        switch scheme {
        case "http", "https":
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            guard !authority.isEmpty, !authority.contains(" "), !url.contains(" ") else {
                return bad("bad URL `\(url)`: no host, or spaces in it")
            }
            if let port = Self.port(of: authority), !(1...65535).contains(port) {
                return bad("bad URL `\(url)`: port out of range")
            }
            return .success(.http(url: url))
        case "tcp", "tls":
            let authority = rest.prefix { $0 != "/" }
            guard let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]),
                (1...65535).contains(port), colon > authority.startIndex
            else {
                return bad("bad URL `\(url)`: \(scheme):// needs host:port")
            }
            var host = String(authority[..<colon])
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            return .success(scheme == "tcp" ? .tcp(host: host, port: port) : .tls(host: host, port: port))
        default:
            return bad("bad URL `\(url)`: unsupported scheme `\(scheme)` (http, https, tcp, tls; or use command:)")
        }
    }

    private static func port(of authority: Substring) -> Int? {
        let hostPort = authority.split(separator: "@").last ?? authority
        guard !hostPort.hasSuffix("]"), let colon = hostPort.lastIndex(of: ":") else { return nil }
        return Int(hostPort[hostPort.index(after: colon)...]) ?? -1
    }

    /// The URL or command as written, for listings.
    public var text: String {
        switch self {
        case .http(let url): url
        case .tcp(let host, let port): "tcp://\(host):\(port)"
        case .tls(let host, let port): "tls://\(host):\(port)"
        case .command(let command): command
        }
    }
}
