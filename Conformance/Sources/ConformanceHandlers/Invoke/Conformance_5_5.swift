import Durable

/// 5-5: the invoked target fails; the handler does not catch it and the execution fails.
public struct Conformance_5_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the invoke error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.invoke(function: InvokeTargets.failing, input: JSONValue.null, as: JSONValue.self)
    }
}
