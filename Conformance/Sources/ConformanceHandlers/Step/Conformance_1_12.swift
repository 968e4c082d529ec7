import Durable
import DurableModel

/// 1-12: a step that always fails exhausts 4 attempts, 1 second apart; the execution fails.
public struct Conformance_1_12: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Never returns: the step fails 4 times.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let retry = RetryStrategy.exponential(maxAttempts: 4, initialDelay: .seconds(1), maxDelay: .seconds(1), backoffRate: 1, jitter: .none)
        return try await context.step(configuration: StepConfiguration<String>(retryStrategy: retry)) { step in
            throw ErrorObject(errorType: "Error", errorMessage: "Always fails (attempt \(step.attempt))")
        }
    }
}
