import Foundation

/// `AWS_LAMBDA_RUNTIME_API` taken apart: the host and port, and the path prefix that names a function.
struct RuntimeAddress: Sendable, Hashable {
    /// `HOST:PORT`.
    var hostAndPort: String
    /// The path after it without its leading slash (`functions/NAME`), empty for a bare address.
    var prefix: String

    /// Parses `HOST:PORT` or `HOST:PORT/PREFIX`; a scheme is tolerated, nothing else is.
    init(_ text: String) throws {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        for scheme in ["http://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = String(rest[..<slash])
        var path = String(rest[slash...])
        while path.hasPrefix("/") { path.removeFirst() }
        while path.hasSuffix("/") { path.removeLast() }
        guard let colon = host.lastIndex(of: ":"), !host[..<colon].isEmpty,
              let port = Int(host[host.index(after: colon)...]), (1...65_535).contains(port) else {
            throw DurableWorkerError(.invalidConfiguration, "AWS_LAMBDA_RUNTIME_API must be HOST:PORT[/PREFIX], got '\(text)'")
        }
        guard !path.contains("?"), !path.contains("#"), !path.contains(" ") else {
            throw DurableWorkerError(.invalidConfiguration, "AWS_LAMBDA_RUNTIME_API has an unusable path '\(path)'")
        }
        self.hostAndPort = host
        self.prefix = path
    }

    /// The function the prefix names (`functions/NAME[/…]`), if it names one.
    var functionName: String? {
        let parts = prefix.split(separator: "/")
        guard parts.count >= 2, parts[0] == "functions" else { return nil }
        return String(parts[1]).removingPercentEncoding
    }

    /// The Runtime API base URL for `function`: the configured prefix when it names one, else `functions/<function>`.
    func baseURL(for function: String) -> String {
        let path = prefix.isEmpty ? "functions/\(Self.encode(function))" : prefix
        return "http://\(hostAndPort)/\(path)/2018-06-01/runtime"
    }

    /// Percent-encodes a path segment.
    static func encode(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
