import DurableModel

/// A function as the `FunctionStore` keeps it: its `$LATEST` configuration and version counter.
public struct StoredFunction: Codable, Sendable, Hashable {
    /// The `$LATEST` configuration.
    public var latest: LambdaFunctionConfiguration
    /// The highest version number published so far (0: none); numbers are never reused.
    public var lastPublishedVersion: Int
    /// Bumped by every write; `putFunction` and `publishVersion` compare it to refuse lost updates.
    public var generation: Int

    /// Creates a stored function.
    public init(latest: LambdaFunctionConfiguration, lastPublishedVersion: Int = 0, generation: Int = 1) {
        self.latest = latest
        self.lastPublishedVersion = lastPublishedVersion
        self.generation = generation
    }

    /// The function name.
    public var name: String { latest.functionName }
}
