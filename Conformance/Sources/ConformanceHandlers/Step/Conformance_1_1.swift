import Durable

/// 1-1: a single step returns a greeting for the input on its first attempt.
public struct Conformance_1_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Greets the input in one unnamed step.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.step { _ in "Hello, \(input)!" }
    }
}
