import Durable
import DurableModel

/// 3-8: a step inside a child context exhausts 2 attempts; the child and execution fail.
public struct Conformance_3_8: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the child context's error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let retry = RetryStrategy.exponential(maxAttempts: 2, initialDelay: .seconds(1), maxDelay: .seconds(1), backoffRate: 1, jitter: .none)
        return try await context.runInChildContext("exhausting-child") { child in
            try await child.step("always-failing-step", configuration: StepConfiguration<String>(retryStrategy: retry)) { step in
                throw ErrorObject(errorType: "Error", errorMessage: "Always fails (attempt \(step.attempt))")
            }
        }
    }
}
