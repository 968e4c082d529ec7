/// The `ListFunctions` marker: the last listed function, and its version when every version is listed.
struct FunctionListMarker: CustomStringConvertible {
    var functionName: String
    var version: String?

    init(functionName: String, version: String?) {
        self.functionName = functionName
        self.version = version
    }

    /// Parses `NAME` or `NAME:VERSION`.
    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty else { return nil }
        functionName = name
        version = parts.count == 2 ? parts[1] : nil
        if let version, version.isEmpty { return nil }
    }

    var description: String { version.map { "\(functionName):\($0)" } ?? functionName }
}
