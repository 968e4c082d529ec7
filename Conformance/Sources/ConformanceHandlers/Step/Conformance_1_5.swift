import Durable

/// 1-5: a step returns null.
public struct Conformance_1_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the step's null result.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.step { _ in JSONValue.null }
    }
}
