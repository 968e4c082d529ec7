import Durable
import DurableModel

/// 3-5: a failed child context is caught and a recovery step returns the input.
public struct Conformance_3_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input from the recovery step.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        do {
            return try await context.runInChildContext("failing-child") { child in
                try await child.step("failing-step", configuration: StepConfiguration<String>(retryStrategy: .none)) { _ in
                    throw ErrorObject(errorType: "Error", errorMessage: "Step inside child context failed")
                }
            }
        } catch is DurableError {
            return try await context.step("recovery-step") { _ in input }
        }
    }
}
