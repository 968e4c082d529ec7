import Durable

/// 3-16: a child context returns null without any durable operation.
public struct Conformance_3_16: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns null.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.runInChildContext("null-child") { _ in JSONValue.null }
    }
}
