import Durable

/// 5-1: invoke the echo target with the input and return its result.
public struct Conformance_5_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the echoed input.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.invoke(function: InvokeTargets.echo, input: input, as: String.self)
    }
}
