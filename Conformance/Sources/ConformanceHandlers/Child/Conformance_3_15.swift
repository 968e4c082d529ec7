import Durable
import DurableModel

/// 3-15: a child context body throws directly, with no durable operation inside.
public struct Conformance_3_15: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the child context's error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        try await context.runInChildContext("throwing-child") { (_: DurableContext) -> String in
            throw ErrorObject(errorType: "Error", errorMessage: "Child context failed without a step")
        }
    }
}
