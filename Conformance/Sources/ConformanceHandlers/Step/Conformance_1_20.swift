import Durable
import DurableModel

/// 1-20: a failed step's error is caught and a second step produces a fallback.
public struct Conformance_1_20: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `fallback_result` from the second step.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        do {
            return try await context.step(configuration: StepConfiguration<String>(retryStrategy: .none)) { _ in
                throw ErrorObject(errorType: "Error", errorMessage: "Primary step failed")
            }
        } catch is DurableError {
            return try await context.step { _ in "fallback_result" }
        }
    }
}
