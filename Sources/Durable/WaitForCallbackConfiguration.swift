/// Options of `DurableContext.waitForCallback`.
public struct WaitForCallbackConfiguration<T: Codable & Sendable>: Sendable {
    /// Time until the callback times out; nil means never.
    public var timeout: Duration?
    /// Longest time without a heartbeat; nil means no heartbeat is required.
    public var heartbeatTimeout: Duration?
    /// Retries of the submitter step.
    public var retryStrategy: RetryStrategy
    /// Decodes the callback result (and checkpoints it in the wrapping context).
    public var serializer: any PayloadSerializer<T>

    /// Creates a configuration.
    public init(
        timeout: Duration? = nil, heartbeatTimeout: Duration? = nil, retryStrategy: RetryStrategy = .default,
        serializer: any PayloadSerializer<T> = JSONPayloadSerializer<T>()
    ) {
        self.timeout = timeout
        self.heartbeatTimeout = heartbeatTimeout
        self.retryStrategy = retryStrategy
        self.serializer = serializer
    }
}
