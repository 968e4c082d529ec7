import Durable

/// 5-11: a step, then an invoke of the echo target with the step's result.
public struct Conformance_5_11: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the echoed step result.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let prepared = try await context.step { _ in "step-result" }
        return try await context.invoke(function: InvokeTargets.echo, input: prepared, as: String.self)
    }
}
