import Durable
import DurableModel

/// 1-14: a custom retry strategy (5 attempts, 2 s initial, ×3, no jitter) retries two failures.
public struct Conformance_1_14: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Succeeds on the third attempt after delays of 2 and 6 seconds.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let retry = RetryStrategy.exponential(maxAttempts: 5, initialDelay: .seconds(2), backoffRate: 3, jitter: .none)
        return try await context.step(configuration: StepConfiguration(retryStrategy: retry)) { step in
            if step.attempt < 3 {
                throw ErrorObject(errorType: "Error", errorMessage: "Failure on attempt \(step.attempt)")
            }
            return "succeeded on attempt \(step.attempt)"
        }
    }
}
