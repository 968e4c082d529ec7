import Durable

/// 1-15: a retry strategy that retries only `TransientError`; the step throws one once.
public struct Conformance_1_15: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Succeeds on the second attempt.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let retryOnTransient = RetryStrategy.custom { error, _ in
            error is TransientError ? .retry(after: .seconds(1)) : .stop
        }
        return try await context.step(configuration: StepConfiguration(retryStrategy: retryOnTransient)) { step in
            if step.attempt == 1 { throw TransientError("Temporary failure, please retry") }
            return "succeeded after transient error"
        }
    }
}
