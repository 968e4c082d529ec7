/// A function reference resolved to one version: what an execution is pinned to.
public struct ResolvedFunction: Sendable, Hashable {
    /// The version's runtime settings.
    public var configuration: FunctionConfiguration
    /// `$LATEST` or a published version number; never an alias.
    public var version: String

    /// Creates a resolution.
    public init(configuration: FunctionConfiguration, version: String) {
        self.configuration = configuration
        self.version = version
    }
}
