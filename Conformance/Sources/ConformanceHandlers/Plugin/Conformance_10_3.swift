import Durable
import DurableModel

/// 10-3: attempt hooks fire for each attempt of a step that fails once, then succeeds.
///
/// The plugin is installed by the catalog through `DurableRuntimeConfiguration.plugins`.
public struct Conformance_10_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `Operation succeeded` from the second attempt.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let retry = RetryStrategy.exponential(maxAttempts: 3, initialDelay: .seconds(1), maxDelay: .seconds(1), backoffRate: 1, jitter: .none)
        return try await context.step(configuration: StepConfiguration(retryStrategy: retry)) { step in
            if step.attempt == 1 {
                throw ErrorObject(errorType: "Error", errorMessage: "Transient failure on attempt 1")
            }
            return "Operation succeeded"
        }
    }
}
