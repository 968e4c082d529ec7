import Durable
import DurableModel

/// 7-7: the submitter always throws; 2 attempts 1 second apart are exhausted and the execution fails.
public struct Conformance_7_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the submitter's error.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let retry = RetryStrategy.exponential(maxAttempts: 2, initialDelay: .seconds(1), maxDelay: .seconds(1), backoffRate: 1, jitter: .none)
        return try await context.waitForCallback(input, as: String.self, configuration: WaitForCallbackConfiguration(retryStrategy: retry)) { _, step in
            throw ErrorObject(errorType: "SubmitterError", errorMessage: "Submitter failed on attempt \(step.attempt)")
        }
    }
}
