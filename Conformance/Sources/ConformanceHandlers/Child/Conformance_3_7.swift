import Durable
import DurableModel

/// 3-7: a step inside a child context fails once and succeeds on the retry.
public struct Conformance_3_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input from the second attempt.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let retry = RetryStrategy.exponential(maxAttempts: 3, initialDelay: .seconds(1), maxDelay: .seconds(1), backoffRate: 1, jitter: .none)
        return try await context.runInChildContext("retrying-child") { child in
            try await child.step("flaky-step", configuration: StepConfiguration(retryStrategy: retry)) { step in
                if step.attempt == 1 {
                    throw ErrorObject(errorType: "Error", errorMessage: "Transient failure on attempt 1")
                }
                return input
            }
        }
    }
}
