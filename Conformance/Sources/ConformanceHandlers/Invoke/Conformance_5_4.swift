import Durable

/// 5-4: invoke the echo target with null and return its null result.
public struct Conformance_5_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns null.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.invoke(function: InvokeTargets.echo, input: JSONValue.null, as: JSONValue.self)
    }
}
