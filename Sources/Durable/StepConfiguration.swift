/// Options of `DurableContext.step`.
public struct StepConfiguration<T: Codable & Sendable>: Sendable {
    /// When failed attempts are retried; defaults to `RetryStrategy.default`.
    public var retryStrategy: RetryStrategy
    /// At-least-once (default) or at-most-once per retry.
    public var semantics: StepSemantics
    /// How the result is checkpointed.
    public var serializer: any PayloadSerializer<T>

    /// Creates a configuration.
    public init(
        retryStrategy: RetryStrategy = .default, semantics: StepSemantics = .atLeastOncePerRetry,
        serializer: any PayloadSerializer<T> = JSONPayloadSerializer<T>()
    ) {
        self.retryStrategy = retryStrategy
        self.semantics = semantics
        self.serializer = serializer
    }
}
