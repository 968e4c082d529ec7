import Durable

/// 1-3: two sequential steps, the second using the first one's result.
public struct Conformance_1_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `first_second`, built across two steps.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let first = try await context.step { _ in "first" }
        return try await context.step { _ in "\(first)_second" }
    }
}
