import Durable

/// 1-2: a single step with the explicit name `custom_step_name`.
public struct Conformance_1_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Greets the input in one named step.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.step("custom_step_name") { _ in "Hello, \(input)!" }
    }
}
