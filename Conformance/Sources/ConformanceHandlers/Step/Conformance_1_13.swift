import Durable
import DurableModel

/// 1-13: the default retry strategy (6 attempts, 5 s, ×2, full jitter) retries two failures.
public struct Conformance_1_13: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Succeeds on the third attempt with no explicit retry configuration.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        try await context.step { step in
            if step.attempt < 3 {
                throw ErrorObject(errorType: "Error", errorMessage: "Failure on attempt \(step.attempt)")
            }
            return "succeeded on attempt \(step.attempt)"
        }
    }
}
