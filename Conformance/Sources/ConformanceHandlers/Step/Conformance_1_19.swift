import Durable
import DurableModel

/// 1-19: a step that always throws, with no retries; the execution fails.
public struct Conformance_1_19: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the step's error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        try await context.step(configuration: StepConfiguration<String>(retryStrategy: .none)) { _ in
            throw ErrorObject(errorType: "Error", errorMessage: "Step failed permanently")
        }
    }
}
