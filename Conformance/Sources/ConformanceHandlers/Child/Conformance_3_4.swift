import Durable
import DurableModel

/// 3-4: a child context whose step fails with no retry; the execution fails.
public struct Conformance_3_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the child context's error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        try await context.runInChildContext("failing-child") { child in
            try await child.step("failing-step", configuration: StepConfiguration<String>(retryStrategy: .none)) { _ in
                throw ErrorObject(errorType: "Error", errorMessage: "Step inside child context failed")
            }
        }
    }
}
