/// What the pure checkpoint processor needs from the world: the service's identity, function lookup and ids.
public struct CheckpointEnvironment: Sendable {
    /// The partition of every ARN the engine mints.
    public var partition: String
    /// The engine's account.
    public var accountId: String
    /// The engine's region.
    public var region: String
    /// Resolves a chained-invoke target by name and optional qualifier; nil when unknown.
    public var resolveFunction: @Sendable (_ name: String, _ qualifier: String?) -> ChainedTarget?
    /// Mints a callback id.
    public var makeCallbackId: @Sendable () -> String

    /// Creates an environment.
    public init(partition: String = "aws", accountId: String, region: String,
                resolveFunction: @escaping @Sendable (String, String?) -> ChainedTarget?,
                makeCallbackId: @escaping @Sendable () -> String) {
        self.partition = partition
        self.accountId = accountId
        self.region = region
        self.resolveFunction = resolveFunction
        self.makeCallbackId = makeCallbackId
    }
}
