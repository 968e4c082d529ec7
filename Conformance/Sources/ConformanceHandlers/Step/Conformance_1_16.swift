import Durable

/// 1-16: a retry strategy that does not retry `TransientError`; the step fails permanently.
public struct Conformance_1_16: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the step's `TransientError`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let noRetryOnTransient = RetryStrategy.custom { error, _ in
            error is TransientError ? .stop : .retry(after: .seconds(1))
        }
        return try await context.step(configuration: StepConfiguration<String>(retryStrategy: noRetryOnTransient)) { _ in
            throw TransientError("Transient failure that is not retried")
        }
    }
}
