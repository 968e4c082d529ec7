import Durable

/// 5-3: invoke the echo target with a nested object and return it.
public struct Conformance_5_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the echoed object.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.invoke(function: InvokeTargets.echo, input: input, as: JSONValue.self)
    }
}
