/// Settings of a `DurableEngine`.
public struct EngineConfiguration: Sendable, Hashable {
    /// The partition in minted ARNs.
    public var partition: String
    /// The account in minted ARNs.
    public var accountId: String
    /// The region in minted ARNs.
    public var region: String
    /// Failed invocations in a row before the execution fails.
    public var maxInvocationAttempts: Int
    /// The delay before a failed invocation is retried.
    public var invocationRetryDelay: Duration
    /// `PENDING` answers with nothing pending tolerated in a row before the execution fails.
    public var maxIdlePendingAnswers: Int
    /// Handler invocations running at once across all executions.
    public var maxConcurrentInvocations: Int
    /// How long one invocation may run (reported to the handler as its deadline).
    public var invocationTimeout: Duration
    /// Payload bytes per page of the invocation's initial state.
    public var statePageByteBudget: Int
    /// Sharing the store's work with other nodes; nil keeps all work in this process.
    public var sharing: NodeSharing?

    /// Creates a configuration.
    public init(partition: String = "aws", accountId: String = "123456789012", region: String = "us-east-1",
                maxInvocationAttempts: Int = 5, invocationRetryDelay: Duration = .seconds(5), maxIdlePendingAnswers: Int = 3,
                maxConcurrentInvocations: Int = 64, invocationTimeout: Duration = .seconds(900),
                statePageByteBudget: Int = 5 * 1024 * 1024, sharing: NodeSharing? = nil) {
        self.partition = partition
        self.accountId = accountId
        self.region = region
        self.maxInvocationAttempts = maxInvocationAttempts
        self.invocationRetryDelay = invocationRetryDelay
        self.maxIdlePendingAnswers = maxIdlePendingAnswers
        self.maxConcurrentInvocations = maxConcurrentInvocations
        self.invocationTimeout = invocationTimeout
        self.statePageByteBudget = statePageByteBudget
        self.sharing = sharing
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
