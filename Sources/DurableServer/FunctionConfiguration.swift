/// A function the engine knows: durable ones get executions, plain ones serve chained invokes.
public struct FunctionConfiguration: Sendable, Hashable {
    /// The function name.
    public var name: String
    /// Whether the function is durable (`DurableConfig` set).
    public var isDurable: Bool
    /// `DurableConfig.ExecutionTimeout` in seconds (1...31,622,400).
    public var executionTimeoutSeconds: Int
    /// `DurableConfig.RetentionPeriodInDays` (1...90).
    public var retentionPeriodDays: Int
    /// The function's `Timeout`: seconds one invocation may run; nil uses the engine's `invocationTimeout`.
    public var invocationTimeoutSeconds: Int?

    /// Creates a configuration; the defaults are a one-day timeout and the documented 14-day retention.
    public init(name: String, isDurable: Bool = true, executionTimeoutSeconds: Int = 86_400, retentionPeriodDays: Int = 14,
                invocationTimeoutSeconds: Int? = nil) {
        self.name = name
        self.isDurable = isDurable
        self.executionTimeoutSeconds = executionTimeoutSeconds
        self.retentionPeriodDays = retentionPeriodDays
        self.invocationTimeoutSeconds = invocationTimeoutSeconds
    }
}
